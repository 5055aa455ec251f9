import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { GrantDecisionOutcome } from '../../common/enums';
import { MAX_GROSZE } from '../../programme/dto/programme.inputs';

@InputType({
  description:
    'FUNDED and CONDITIONAL take grantedGrosze (≤ the request) from the pool; RESERVE takes a reservePosition; changeable until publication.',
})
export class DecideGrantInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;

  @Field(() => GrantDecisionOutcome)
  @IsEnum(GrantDecisionOutcome)
  outcome: GrantDecisionOutcome;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  grantedGrosze?: number;

  @Field(() => Int, { nullable: true, description: '1 = the first reserve project.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  reservePosition?: number;

  @Field({ description: 'Why; the applicant reads it.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  justification: string;

  @Field(() => String, { nullable: true, description: 'What a CONDITIONAL grant requires.' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  conditions?: string;
}

@InputType()
export class PublishGrantDecisionsInput {
  @Field(() => ID)
  @IsMongoId()
  grantCallId: string;
}

@InputType()
export class WithdrawGrantProjectInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}

@InputType({
  description: 'Funds the first project of the reserve list with money freed meanwhile.',
})
export class FundReserveProjectInput {
  @Field(() => ID)
  @IsMongoId()
  grantCallId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  grantedGrosze: number;
}
