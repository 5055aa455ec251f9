import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '@sasiad/core';
import { FORM_KEY } from '../../calls/dto/call.inputs';
import { LONG_TEXT_MAX } from '../../calls/form';
import { ApplicationStatus } from '../application.schema';
import { ApplicationState } from '../models/application.model';

@InputType({
  description:
    "An answer to one form field: set the one slot of the field's type (text for short/long text, choice for single choice, number, date as YYYY-MM-DD, yesNo).",
})
export class FormValueInput {
  @Field()
  @Matches(FORM_KEY)
  key: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT_MAX)
  text?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  choice?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  number?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  yesNo?: boolean;
}

@InputType({ description: 'A new draft; required answers may still be missing.' })
export class CreateApplicationInput {
  @Field(() => ID)
  @IsMongoId()
  callId: string;

  @Field(() => [FormValueInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormValueInput)
  values: FormValueInput[] = [];
}

@InputType({
  description:
    'Replaces the answers. A submitted application stays submitted, so its answers must be complete.',
})
export class UpdateApplicationInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => [FormValueInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FormValueInput)
  values: FormValueInput[];
}

@InputType()
export class ApplicationIdInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}

@ArgsType()
export class ApplicationIdArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;
}

@ArgsType()
export class MyApplicationsArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId()
  callId?: string;
}

@ArgsType()
export class CallApplicationsArgs extends PageArgs {
  @Field(() => ID)
  @IsMongoId()
  callId: string;

  @Field(() => ApplicationState, {
    nullable: true,
    description:
      "The applicant's status: draft, submitted or withdrawn (submitted includes those with a published outcome; read it from `decision`).",
  })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;
}
