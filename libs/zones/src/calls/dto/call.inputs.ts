import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_WITH_OFFSET, PageArgs } from '@sasiad/core';
import { LongTextInput, ShortTextInput } from '../../common/localized-text';
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

  @Field(() => ShortTextInput)
  @ValidateNested()
  @Type(() => ShortTextInput)
  label: ShortTextInput;
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

  @Field(() => ShortTextInput)
  @ValidateNested()
  @Type(() => ShortTextInput)
  label: ShortTextInput;

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

  @Field(() => ShortTextInput)
  @ValidateNested()
  @Type(() => ShortTextInput)
  label: ShortTextInput;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1000)
  maxPoints: number;
}

@InputType()
export class CallInput {
  @Field(() => ShortTextInput)
  @ValidateNested()
  @Type(() => ShortTextInput)
  title: ShortTextInput;

  @Field(() => LongTextInput)
  @ValidateNested()
  @Type(() => LongTextInput)
  description: LongTextInput;

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

  @Field({ description: 'ISO-8601 with offset, e.g. 2026-12-01T09:00:00+01:00.' })
  @Matches(ISO_WITH_OFFSET)
  opensAt: string;

  @Field({ description: 'ISO-8601 with offset; applications are refused from this instant.' })
  @Matches(ISO_WITH_OFFSET)
  closesAt: string;

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
    'Changes to a call. Before it opens anything may change. Once open: texts and places; the form only grows (new optional fields, new options, looser limits); criteria (keys, points) until the first submission, then only their labels; the deadline only later, or at once (a deadline at or before now closes the call now). A closed call keeps its window.',
})
export class UpdateCallInput {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @Field(() => ShortTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShortTextInput)
  title?: ShortTextInput;

  @Field(() => LongTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LongTextInput)
  description?: LongTextInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  places?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_WITH_OFFSET)
  opensAt?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_WITH_OFFSET)
  closesAt?: string;

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
}

@ArgsType()
export class CallIdArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;
}
