import {
  Field,
  Float,
  GraphQLISODateTime,
  ID,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { ConnectionType } from '@sasiad/core';
import { ApplicationStatus } from '../application.schema';
import { DecisionOutcome } from '../../decisions/decision.schema';

/**
 * What an application reads as: the applicant's own status (draft, submitted, withdrawn) and,
 * once the call's decisions are published, the outcome of a submitted one (accepted,
 * waitlisted, rejected). Only the first three are stored on the application.
 */
export const ApplicationState = { ...ApplicationStatus, ...DecisionOutcome };
export type ApplicationState = ApplicationStatus | DecisionOutcome;

registerEnumType(ApplicationState, {
  name: 'ApplicationStatus',
  description:
    "draft, submitted, withdrawn; once the call's decisions are published a submitted application reads as its outcome: accepted, waitlisted or rejected.",
});

@ObjectType('FormValue')
export class FormValueModel {
  @Field()
  key: string;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => String, { nullable: true })
  choice?: string | null;

  @Field(() => Float, { nullable: true })
  number?: number | null;

  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => Boolean, { nullable: true })
  yesNo?: boolean | null;
}

@ObjectType('Application', {
  description: "An organisation's application to a call. Seen by that organisation and admins.",
})
export class ApplicationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  callId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => Int, { description: 'Which of the allowed applications per applicant this is.' })
  slot: number;

  @Field(() => ApplicationState)
  status: ApplicationState;

  @Field(() => [FormValueModel])
  values: FormValueModel[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType()
export class ApplicationConnection extends ConnectionType(ApplicationModel) {}
