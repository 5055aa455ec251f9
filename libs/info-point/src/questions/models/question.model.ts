import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar } from '@sasiad/core';
import { QUESTION_STATUSES, QuestionStatus } from '../question-lifecycle';
import { CONTACT_CHANNELS, ContactChannel, THREAD_KINDS, ThreadKind } from '../question.schema';
import { QUESTION_TOPICS, QuestionTopic } from '../topics';

export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const QuestionTopicEnum = enumOf(QUESTION_TOPICS);
registerEnumType(QuestionTopicEnum, {
  name: 'QuestionTopic',
  description: 'What a question to the information point is about.',
});
export const QuestionStatusEnum = enumOf(QUESTION_STATUSES);
registerEnumType(QuestionStatusEnum, {
  name: 'QuestionStatus',
  description:
    'open: waiting in the queue; claimed: a staff member works on it; awaiting_asker: staff asked for details; answered; closed; erased: personal data removed on request.',
});
export const QUEUE_ORDERS = ['due', 'asked'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];
export const QueueOrderEnum = enumOf(QUEUE_ORDERS);
registerEnumType(QueueOrderEnum, {
  name: 'QueueOrder',
  description: 'due: the earliest due first response first (default); asked: the oldest first.',
});
export const ContactChannelEnum = enumOf(CONTACT_CHANNELS);
registerEnumType(ContactChannelEnum, {
  name: 'ContactChannel',
  description: 'How the asker wants to hear back: in the app by default.',
});
export const ThreadKindEnum = enumOf(THREAD_KINDS);
registerEnumType(ThreadKindEnum, { name: 'QuestionMessageKind' });

@ObjectType({ description: 'A message after the question, as the asker sees it.' })
export class AskerMessage {
  @Field(() => ThreadKindEnum)
  kind: ThreadKind;

  @Field()
  text: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({ description: 'The asker’s own question with its answers. No staff notes.' })
export class AskerQuestion {
  @Field(() => ID)
  id: string;

  @Field(() => QuestionStatusEnum)
  status: QuestionStatus;

  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field()
  text: string;

  @Field(() => ContactChannelEnum)
  contactChannel: ContactChannel;

  @Field(() => [AskerMessage])
  thread: AskerMessage[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Until when a closed question can be reopened.',
  })
  reopenableUntil: Date | null;

  @Field({ description: 'A staff reply the asker has not marked as read (markQuestionRead).' })
  unread: boolean;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description:
      'While the question waits for staff: when an answer is expected at the latest (the information point’s service level, counted in its opening hours). Null once answered, while details are awaited, or closed.',
  })
  expectedAnswerBy: Date | null;
}

@ObjectType()
export class AskerQuestionConnection extends ConnectionType(AskerQuestion) {}

@ObjectType()
export class AskQuestionPayload {
  @Field(() => AskerQuestion)
  question: AskerQuestion;

  @Field(() => String, {
    nullable: true,
    description:
      'Only for an anonymous asker, shown once: it reads the answer, follows up and erases the question. It cannot be recovered.',
  })
  accessCode: string | null;
}

@ObjectType({ description: 'A question in the staff queue: no content (reading it is audited).' })
export class QueueItem {
  @Field(() => ID)
  id: string;

  @Field(() => QuestionStatusEnum)
  status: QuestionStatus;

  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field({ description: 'Asked without an account (reachable only in the app).' })
  anonymous: boolean;

  @Field(() => ID, { nullable: true })
  claimedBy: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  firstResponseAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the first response is due (opening hours only count).',
  })
  dueAt: Date | null;

  @Field({ description: 'Waiting with no first response past its due time.' })
  overdue: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt: Date | null;

  @Field({
    description: 'Held, and the asker wrote since the holder last opened it (an unread follow-up).',
  })
  updatedForHolder: boolean;

  @Field({ description: 'Asked by a staff member for a person at the desk.' })
  askedAtDesk: boolean;

  @Field(() => ID, {
    nullable: true,
    description: 'The staff member who asked it at the desk (null once erased).',
  })
  assistedBy: string | null;
}

@ObjectType()
export class QueueConnection extends ConnectionType(QueueItem) {}

@ObjectType()
export class ClaimNextPayload {
  @Field(() => QueueItem, { nullable: true, description: 'Null when no question waits.' })
  question: QueueItem | null;
}

@ObjectType()
export class StaffMessage extends AskerMessage {
  @Field(() => ID, { nullable: true, description: 'The staff member; null for the asker.' })
  authorId: string | null;
}

@ObjectType({ description: 'Staff only; never shown to the asker.' })
export class InternalNoteModel {
  @Field(() => ID)
  authorId: string;

  @Field()
  text: string;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType()
export class AskerContact {
  @Field(() => ContactChannelEnum)
  channel: ContactChannel;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType({ description: 'A question with its content, for staff. Every read is audited.' })
export class StaffQuestion extends QueueItem {
  @Field(() => String, { nullable: true, description: 'Null once erased.' })
  text: string | null;

  @Field(() => [StaffMessage])
  thread: StaffMessage[];

  @Field(() => [InternalNoteModel])
  notes: InternalNoteModel[];

  @Field(() => AskerContact)
  contact: AskerContact;
}

@ObjectType({ description: 'The consent an asker gives, in the request’s language.' })
export class ConsentText {
  @Field()
  version: string;

  @Field()
  processing: string;

  @Field({ description: 'For an e-mail or phone contact.' })
  contact: string;

  @Field({ description: 'The version of the desk wording (askQuestionForPerson).' })
  deskVersion: string;

  @Field({
    description:
      'Read to a person at the desk before a staff member asks for them (askQuestionForPerson), with processing.',
  })
  desk: string;
}

@ObjectType({ description: 'A question changed: for the live staff queue. No content.' })
export class QueueEvent {
  @Field({
    description:
      'ask, claim, release, reassign, note, answer, askForDetails, followUp, close, reopen, erase',
  })
  action: string;

  @Field(() => ID)
  questionId: string;

  @Field(() => QuestionStatusEnum)
  status: QuestionStatus;

  @Field(() => QuestionTopicEnum)
  topic: QuestionTopic;

  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => ID, { nullable: true })
  claimedBy: string | null;

  @Field(() => GraphQLISODateTime)
  at: Date;
}

@ObjectType({ description: 'Your question was answered, needs details, or was closed.' })
export class AskerQuestionEvent {
  @Field({ description: 'answer, askForDetails or close' })
  action: string;

  @Field(() => ID)
  questionId: string;

  @Field(() => QuestionStatusEnum)
  status: QuestionStatus;

  @Field(() => GraphQLISODateTime)
  at: Date;
}
