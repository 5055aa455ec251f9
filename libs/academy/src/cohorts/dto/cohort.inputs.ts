import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LocalizedStringInput } from '@sasiad/core';
import { TranslationsField } from '../../common/dto/fields';

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @IsMongoId()
  courseId: string;

  @TranslationsField(() => LocalizedStringInput)
  name: LocalizedStringInput[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;
}

@InputType()
export class AddCohortSessionInput {
  @Field(() => ID)
  @IsMongoId()
  cohortId: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  startsAt: Date;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(1440)
  durationMinutes: number;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsMongoId()
  cohortId: string;

  @Field(() => ID)
  @IsMongoId()
  sessionId: string;

  @Field(() => ID)
  @IsMongoId()
  userId: string;

  @Field()
  @IsBoolean()
  present: boolean;
}

@InputType({
  description:
    'Rename or translate a cohort: texts are merged per language; a change of the base-language text makes the others OUTDATED.',
})
export class RenameCohortInput {
  @Field(() => ID)
  @IsMongoId()
  cohortId: string;

  @TranslationsField(() => LocalizedStringInput)
  name: LocalizedStringInput[];
}

@ArgsType()
export class CohortIdArgs {
  @Field(() => ID)
  @IsMongoId()
  cohortId: string;
}

@InputType()
export class JoinCohortInput {
  @Field(() => ID)
  @IsMongoId()
  cohortId: string;
}
