import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsMongoId,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DEFAULT_LANGUAGE,
  Language,
  LanguageCodeScalar,
  LANGUAGES,
  LocalizedMarkdownInput,
  LocalizedStringInput,
  TranslationsField,
} from '@sasiad/core';
import { ApplicantKind, GrantStaffRole } from '../../common/enums';

/** The largest sum of money the programme accepts (grosze): 10 million PLN. */
export const MAX_GROSZE = 1_000_000_000;

@InputType({ description: 'A thematic area of the call (culture, sport, ecology…).' })
export class ThematicAreaInput {
  @Field({ description: 'A stable key, e.g. culture.' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/)
  key: string;

  @TranslationsField(() => LocalizedStringInput)
  label: LocalizedStringInput[];
}

@InputType({ description: 'A question of the call FAQ and its answer (Markdown).' })
export class FaqEntryInput {
  @TranslationsField(() => LocalizedStringInput)
  question: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput)
  answer: LocalizedMarkdownInput[];
}

@InputType({
  description:
    'The micro-grant settings of a zones call of programme micro_grants. Money in integer grosze.',
})
export class ConfigureGrantCallInput {
  @Field(() => ID, { description: 'The zones call (programme micro_grants).' })
  @IsMongoId()
  callId: string;

  @Field(() => ID, { description: 'The operator organisation whose staff run the programme.' })
  @IsMongoId()
  operatorOrganisationId: string;

  @Field(() => LanguageCodeScalar, { defaultValue: DEFAULT_LANGUAGE })
  @IsIn(LANGUAGES)
  baseLanguage: Language = DEFAULT_LANGUAGE;

  @Field(() => Int, { description: 'The whole pool, e.g. 7500000 for 75,000 PLN.' })
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  poolGrosze: number;

  @Field(() => Int, { description: 'The most one project may get.' })
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  maxGrantGrosze: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  intendedProjects: number;

  @Field(() => [ThematicAreaInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ThematicAreaInput)
  thematicAreas: ThematicAreaInput[];

  @Field(() => [ApplicantKind])
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsEnum(ApplicantKind, { each: true })
  eligibleApplicants: ApplicantKind[];

  @Field(() => Date, { description: 'Projects run from this instant…' })
  @IsDate()
  realisationStartsAt: Date;

  @Field(() => Date, { description: '…until this one.' })
  @IsDate()
  realisationEndsAt: Date;

  @TranslationsField(() => LocalizedMarkdownInput, {
    description: 'Rules (free for participants, joint residents–refugees activity…), Markdown.',
  })
  rules: LocalizedMarkdownInput[];

  @Field(() => [FaqEntryInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FaqEntryInput)
  faq: FaqEntryInput[] = [];

  @Field(() => Int, { description: 'Days an applicant has to correct formal errors.' })
  @IsInt()
  @Min(1)
  @Max(60)
  correctionDays: number;

  @Field(() => Int, {
    defaultValue: 10,
    description:
      'Budget changes moving at most this percent of the grant are accepted automatically.',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  autoAcceptChangePercent: number = 10;

  @Field(() => Int, { defaultValue: 30, description: 'Final report due days after the window.' })
  @IsInt()
  @Min(1)
  @Max(365)
  reportDueDays: number = 30;
}

@InputType()
export class AssignGrantStaffInput {
  @Field(() => ID)
  @IsMongoId()
  operatorOrganisationId: string;

  @Field(() => ID, { description: 'An account of the operator organisation.' })
  @IsMongoId()
  userId: string;

  @Field(() => GrantStaffRole)
  @IsEnum(GrantStaffRole)
  role: GrantStaffRole;
}

@InputType()
export class RemoveGrantStaffInput extends AssignGrantStaffInput {}
