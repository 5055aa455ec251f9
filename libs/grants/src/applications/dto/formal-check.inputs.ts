import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsMongoId,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { FormalCheckOutcome } from '../../common/enums';

@InputType({
  description:
    'PASSED: on to merit review. CORRECTIONS_NEEDED: problems go back to the applicant, who corrects within the call’s correctionDays. REJECTED: with a reason.',
})
export class RecordFormalCheckInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => FormalCheckOutcome)
  @IsEnum(FormalCheckOutcome)
  outcome: FormalCheckOutcome;

  @Field(() => [String], { defaultValue: [], description: 'What to correct (CORRECTIONS_NEEDED).' })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MinLength(3, { each: true })
  @MaxLength(500, { each: true })
  problems: string[] = [];

  @Field(() => String, { nullable: true, description: 'Why (REJECTED).' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason?: string;
}
