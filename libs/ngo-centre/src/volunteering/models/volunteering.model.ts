import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, Language, LanguageCodeScalar, LocalizedText } from '@sasiad/core';
import { OfferModeration, VolunteerStatus } from '../volunteering.schema';

export enum RecruitmentState {
  NOT_OPEN = 'NOT_OPEN',
  OPEN = 'OPEN',
  FULL = 'FULL',
  CLOSED = 'CLOSED',
}
registerEnumType(RecruitmentState, {
  name: 'RecruitmentState',
  description: 'FULL: the limit is reached, new volunteers go to the reserve list.',
});

export enum ActionState {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  FINISHED = 'FINISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionState, { name: 'VolunteerActionState' });

@ObjectType('VolunteerOffer')
export class VolunteerOfferModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText)
  tasks: LocalizedText;

  @Field(() => LocalizedText, { nullable: true })
  requirements: LocalizedText | null;

  @Field()
  place: string;

  @Field(() => [LanguageCodeScalar])
  languages: Language[];

  @Field(() => GraphQLISODateTime)
  startsAt: Date;

  @Field(() => GraphQLISODateTime)
  endsAt: Date;

  @Field(() => GraphQLISODateTime)
  recruitmentOpensAt: Date;

  @Field(() => GraphQLISODateTime)
  recruitmentClosesAt: Date;

  @Field(() => Int)
  volunteerLimit: number;

  @Field(() => Int)
  acceptedCount: number;

  @Field(() => OfferModeration)
  moderation: OfferModeration;

  @Field(() => String, { nullable: true })
  moderationReason: string | null;

  @Field(() => RecruitmentState)
  recruitment: RecruitmentState;

  @Field(() => ActionState)
  action: ActionState;
}

@ObjectType()
export class VolunteerOfferConnection extends ConnectionType(VolunteerOfferModel) {}

@ObjectType('VolunteerApplication')
export class VolunteerApplicationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  offerId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => VolunteerStatus)
  status: VolunteerStatus;

  @Field(() => Int, { nullable: true, description: 'Place on the reserve list (1 = next).' })
  reservePosition: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only for the organisation and the volunteer.',
  })
  message: string | null;
}
