import { ArgsType, Field, Float, ID, InputType, Int, PartialType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
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
  PageArgs,
  ReadLanguageField,
  TranslationsField,
} from '@sasiad/core';
import { OrganisationKind } from '../../organisations/organisation-kind';
import { CallProgramme } from '../call-programme';
import { FormFieldType, LONG_TEXT_MAX } from '../form';

/** Form keys: stable identifiers answers refer to (`experienceWithForeigners`). */
export const FORM_KEY = /^[a-z][A-Za-z0-9_]{0,39}$/;

@InputType()
export class FormOptionInput {
  @Field()
  @Matches(FORM_KEY)
  key: string;

  @TranslationsField(() => LocalizedStringInput)
  label: LocalizedStringInput[];
}

@InputType({
  description:
    'A question of the form. Text fields take minLength/maxLength (short text ≤ 200), numbers min/max, single choice its options.',
})
export class FormFieldInput {
  @Field()
  @Matches(FORM_KEY)
  key: string;

  @Field(() => FormFieldType)
  @IsEnum(FormFieldType)
  type: FormFieldType;

  @TranslationsField(() => LocalizedStringInput)
  label: LocalizedStringInput[];

  @Field({ defaultValue: false })
  @IsBoolean()
  required: boolean = false;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LONG_TEXT_MAX)
  minLength?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LONG_TEXT_MAX)
  maxLength?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;

  @Field(() => [FormOptionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FormOptionInput)
  options?: FormOptionInput[];
}

@InputType({ description: 'What reviewers score, and the most points for it.' })
export class CriterionInput {
  @Field()
  @Matches(FORM_KEY)
  key: string;

  @TranslationsField(() => LocalizedStringInput)
  label: LocalizedStringInput[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxPoints: number;
}

@InputType()
export class CallInput {
  @TranslationsField(() => LocalizedStringInput, {
    description: 'One entry per language; the base language is required.',
  })
  title: LocalizedStringInput[];

  @TranslationsField(() => LocalizedMarkdownInput, {
    description: 'Markdown, one entry per language; the base language is required.',
  })
  description: LocalizedMarkdownInput[];

  @Field(() => LanguageCodeScalar, {
    defaultValue: DEFAULT_LANGUAGE,
    description:
      'The authoritative language of the texts: required in every text; a changed base text makes the translations OUTDATED.',
  })
  @IsIn(LANGUAGES)
  baseLanguage: Language = DEFAULT_LANGUAGE;

  @Field(() => [OrganisationKind], { description: 'Which kinds of organisation may apply.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsEnum(OrganisationKind, { each: true })
  eligibleKinds: OrganisationKind[];

  @Field(() => Int, { description: 'How many applications can be accepted.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  places: number;

  @Field(() => Date, { description: 'Applications are accepted from this instant.' })
  @IsDate()
  opensAt: Date;

  @Field(() => Date, { description: 'Applications are refused from this instant.' })
  @IsDate()
  closesAt: Date;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  maxApplicationsPerApplicant: number = 1;

  @Field(() => [FormFieldInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldInput)
  form: FormFieldInput[];

  @Field(() => [CriterionInput], { defaultValue: [] })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria: CriterionInput[] = [];

  @Field(() => CallProgramme, {
    defaultValue: CallProgramme.general,
    description: 'activity_zones: accepted applications become activity zones when published.',
  })
  @IsEnum(CallProgramme)
  programme: CallProgramme = CallProgramme.general;
}

@InputType({
  description:
    'Changes to a call. Texts are merged per language: languages not given keep their text; a changed base-language text makes the others OUTDATED. Form fields, options and criteria keep their translations by key. Before it opens anything may change. Once open: texts and places; the form only grows (new optional fields, new options, looser limits); criteria (keys, points) until the first submission, then only their labels; the deadline only later, or at once (a deadline at or before now closes the call now). A closed call keeps its window.',
})
export class UpdateCallInput extends PartialType(
  PickType(CallInput, ['title', 'description', 'places', 'opensAt', 'closesAt']),
) {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => [FormFieldInput], {
    nullable: true,
    description: 'The whole new form (fields matched by key).',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormFieldInput)
  form?: FormFieldInput[];

  @Field(() => [CriterionInput], {
    nullable: true,
    description: 'The whole new list of criteria (matched by key).',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria?: CriterionInput[];
}

@ArgsType()
export class CallsArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only calls open for applications now.' })
  @IsBoolean()
  openOnly: boolean = false;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class CallIdArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @ReadLanguageField()
  lang?: Language;
}
