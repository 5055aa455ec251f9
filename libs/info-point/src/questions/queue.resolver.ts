import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthUser, CLAIM_RATE_LIMIT, CurrentUser, Role, Roles } from '@sasiad/core';
import { InfoPointAuditService } from '../audit/audit.service';
import {
  AuditArgs,
  ClaimNextArgs,
  QueueArgs,
  QuestionIdArgs,
  QuestionTextArgs,
  ReassignArgs,
} from './dto/question.inputs';
import {
  AuditConnection,
  ClaimNextPayload,
  QueueEvent,
  QueueConnection,
  QueueItem,
  StaffQuestion,
} from './models/question.model';
import { QuestionsService } from './questions.service';

/** Counted against CLAIM_RATE_PER_MINUTE per staff member. */
const ClaimRateLimited = () => SetMetadata(CLAIM_RATE_LIMIT, true);

/** The staff side: the queue, claims, answers and notes. Admins can do what staff can. */
@Resolver()
export class QueueResolver {
  constructor(
    private readonly questions: QuestionsService,
    private readonly audit: InfoPointAuditService,
  ) {}

  @Query(() => QueueConnection, { description: 'Questions, oldest first; no content.' })
  @Roles(Role.staff, Role.admin)
  questionQueue(@Args() args: QueueArgs, @CurrentUser() user: AuthUser) {
    return this.questions.queue(args, user);
  }

  @Query(() => StaffQuestion, { description: 'A question with its content. The read is audited.' })
  @Roles(Role.staff, Role.admin)
  staffQuestion(@Args() args: QuestionIdArgs, @CurrentUser() user: AuthUser) {
    return this.questions.staffQuestion(args.questionId, user);
  }

  @Mutation(() => QueueItem, { description: 'Take an open question; exactly one claim wins.' })
  @Roles(Role.staff, Role.admin)
  @ClaimRateLimited()
  claimQuestion(@Args() args: QuestionIdArgs, @CurrentUser() user: AuthUser) {
    return this.questions.claim(args.questionId, user);
  }

  @Mutation(() => ClaimNextPayload, {
    description:
      'Take the most urgent open question (earliest due time) in your languages, if one waits.',
  })
  @Roles(Role.staff, Role.admin)
  @ClaimRateLimited()
  claimNextQuestion(@Args() args: ClaimNextArgs, @CurrentUser() user: AuthUser) {
    return this.questions.claimNext(args, user);
  }

  @Mutation(() => QueueItem, { description: 'Put a held question back in the queue.' })
  @Roles(Role.staff, Role.admin)
  releaseQuestion(@Args() args: QuestionIdArgs, @CurrentUser() user: AuthUser) {
    return this.questions.release(args.questionId, user);
  }

  @Mutation(() => QueueItem, { description: 'Hand a held question to another staff member.' })
  @Roles(Role.staff, Role.admin)
  reassignQuestion(@Args() args: ReassignArgs, @CurrentUser() user: AuthUser) {
    return this.questions.reassign(args.questionId, args.staffUserId, user);
  }

  @Mutation(() => StaffQuestion, { description: 'A note for staff; the asker never sees it.' })
  @Roles(Role.staff, Role.admin)
  addInternalNote(@Args() args: QuestionTextArgs, @CurrentUser() user: AuthUser) {
    return this.questions.addNote(args.questionId, args.text, user);
  }

  @Mutation(() => StaffQuestion, {
    description: 'Answer in the asker’s language; only the holder of the claim.',
  })
  @Roles(Role.staff, Role.admin)
  answerQuestion(@Args() args: QuestionTextArgs, @CurrentUser() user: AuthUser) {
    return this.questions.answer(args.questionId, args.text, user);
  }

  @Mutation(() => StaffQuestion, { description: 'Ask the asker for details; only the holder.' })
  @Roles(Role.staff, Role.admin)
  askForDetails(@Args() args: QuestionTextArgs, @CurrentUser() user: AuthUser) {
    return this.questions.askForDetails(args.questionId, args.text, user);
  }

  @Mutation(() => QueueItem, { description: 'Close a question (the holder, or an admin).' })
  @Roles(Role.staff, Role.admin)
  closeQuestion(@Args() args: QuestionIdArgs, @CurrentUser() user: AuthUser) {
    return this.questions.close(args.questionId, user);
  }

  @Query(() => AuditConnection, {
    description: 'Who read or changed which question, when (append-only).',
  })
  @Roles(Role.admin)
  infoPointAudit(@Args() args: AuditArgs) {
    return this.audit.list(args);
  }

  @Subscription(() => QueueEvent, {
    description: 'Every change in the queue, live (new, claimed, answered, closed, …).',
    resolve: (event: QueueEvent) => event,
  })
  @Roles(Role.staff, Role.admin)
  questionQueueEvents() {
    return this.questions.queueEvents();
  }
}
