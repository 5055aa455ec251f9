import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BudgetLineInput } from '../../applications/dto/application.inputs';
import { MAX_GROSZE } from '../../programme/dto/programme.inputs';
import { ReportKind } from '../project-enums';

@InputType({ isAbstract: true })
class ProjectRef {
  @Field(() => ID, { description: 'The funded application.' })
  @IsMongoId()
  applicationId: string;
}

@InputType({ description: 'The budget revised to the granted amount (Σ grant = granted).' })
export class ReviseGrantBudgetInput extends ProjectRef {
  @Field(() => [BudgetLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budget: BudgetLineInput[];
}

@InputType({ description: 'Confirms the agreement text with this checksum (the one read).' })
export class ConfirmGrantAgreementInput extends ProjectRef {
  @Field()
  @Matches(/^[0-9a-f]{64}$/)
  checksum: string;
}

@InputType({ description: 'Operator staff plan a tranche; all tranches together ≤ the grant.' })
export class AddGrantTrancheInput extends ProjectRef {
  @Field()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  label: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_GROSZE)
  amountGrosze: number;
}

@InputType({
  description:
    'Operator staff approve a PLANNED tranche; finance (another person) a STAFF_APPROVED one.',
})
export class ApproveGrantTrancheInput extends ProjectRef {
  @Field(() => Int, { description: 'Index of the tranche (0 = first).' })
  @IsInt()
  @Min(0)
  @Max(49)
  tranche: number;
}

@InputType({ description: 'Finance marks a FINANCE_APPROVED tranche paid.' })
export class MarkGrantTranchePaidInput extends ApproveGrantTrancheInput {}

@InputType({
  description: 'A new budget (same total grant); small shifts are accepted automatically.',
})
export class RequestGrantChangeInput extends ReviseGrantBudgetInput {
  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

@InputType()
export class DecideGrantChangeInput extends ProjectRef {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(199)
  change: number;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field({
    nullable: true,
    description: 'Shown to the applicant; required to refuse, optional to approve.',
  })
  @ValidateIf((o: DecideGrantChangeInput) => o.approve === false || o.reason != null)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  @Matches(/\S/)
  reason?: string;
}

@InputType({
  description: 'An invoice paid (partly) from the grant; dated inside the realisation window.',
})
export class InvoiceInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  number: string;

  @Field(() => Date)
  @IsDate()
  issuedAt: Date;

  @Field(() => Int, { description: 'Integer grosze.' })
  @IsInt()
  @Max(MAX_GROSZE)
  amountGrosze: number;

  @Field(() => Int, { description: 'Integer grosze.' })
  @IsInt()
  @Max(MAX_GROSZE)
  fromGrantGrosze: number;

  @Field(() => Int, { description: 'Index of the budget line.' })
  @IsInt()
  @Min(0)
  @Max(49)
  budgetLine: number;
}

@InputType()
export class SubmitGrantReportInput extends ProjectRef {
  @Field(() => ReportKind)
  @IsEnum(ReportKind)
  kind: ReportKind;

  @Field({ description: 'What was done against the plan.' })
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  narrative: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  residents: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100_000)
  refugees: number;

  @Field(() => [InvoiceInput], { defaultValue: [] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => InvoiceInput)
  invoices: InvoiceInput[] = [];
}

@InputType({
  description: 'Operator staff accept a report or send it back; accepting the final one settles.',
})
export class ReviewGrantReportInput extends ProjectRef {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(49)
  report: number;

  @Field()
  @IsBoolean()
  accept: boolean;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  corrections: string[] = [];
}
