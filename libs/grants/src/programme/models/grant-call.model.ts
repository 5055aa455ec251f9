import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Language, LanguageCodeScalar, LocalizedText } from '@sasiad/core';
import { ApplicantKind, GrantStaffRole } from '../../common/enums';

@ObjectType('GrantThematicArea')
export class ThematicAreaModel {
  @Field()
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;
}

@ObjectType('GrantFaqEntry')
export class FaqEntryModel {
  @Field(() => LocalizedText)
  question: LocalizedText;

  @Field(() => LocalizedText)
  answer: LocalizedText;
}

@ObjectType('GrantCall', { description: 'A micro-grant call: money, applicants, window, rules.' })
export class GrantCallModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The zones call: title, application window, reviews.' })
  callId: string;

  @Field(() => ID)
  operatorOrganisationId: string;

  @Field(() => LanguageCodeScalar)
  baseLanguage: Language;

  @Field(() => Int)
  poolGrosze: number;

  @Field(() => Int)
  maxGrantGrosze: number;

  @Field(() => Int)
  intendedProjects: number;

  @Field(() => Int, { description: 'Granted to funded and conditional projects now.' })
  committedGrosze: number;

  @Field(() => Int)
  availableGrosze: number;

  @Field(() => [ThematicAreaModel])
  thematicAreas: ThematicAreaModel[];

  @Field(() => [ApplicantKind])
  eligibleApplicants: ApplicantKind[];

  @Field(() => GraphQLISODateTime)
  realisationStartsAt: Date;

  @Field(() => GraphQLISODateTime)
  realisationEndsAt: Date;

  @Field(() => LocalizedText)
  rules: LocalizedText;

  @Field(() => [FaqEntryModel])
  faq: FaqEntryModel[];

  @Field(() => Int)
  correctionDays: number;

  @Field(() => Int)
  autoAcceptChangePercent: number;

  @Field(() => Int)
  reportDueDays: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;
}

@ObjectType('GrantStaffAssignment')
export class GrantStaffModel {
  @Field(() => ID)
  operatorOrganisationId: string;

  @Field(() => ID)
  userId: string;

  @Field(() => GrantStaffRole)
  role: GrantStaffRole;
}
