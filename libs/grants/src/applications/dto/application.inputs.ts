import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_GROSZE } from '../../programme/dto/programme.inputs';

const MONEY = 'Integer grosze (1 PLN = 100).';
const money = () => [IsInt(), Max(MAX_GROSZE)];
const Money = (): PropertyDecorator => (target, key) => {
  Field(() => Int, { description: MONEY })(target, key);
  for (const d of money()) d(target, key);
};

@InputType({
  description:
    'A budget line: quantity × unit cost = grant + own money + in-kind + volunteer hours × rate.',
})
export class BudgetLineInput {
  @Field({ description: 'Cost category, e.g. "materiały plastyczne".' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  category: string;

  @Field({ description: 'e.g. "szt.", "godz."' })
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  unit: string;

  @Field(() => Float, { description: 'Up to two decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(10_000)
  quantity: number;

  @Money() unitCostGrosze: number;
  @Money() grantGrosze: number;
  @Money() ownMoneyGrosze: number;
  @Money() inKindGrosze: number;

  @Field(() => Float, { defaultValue: 0, description: 'Volunteer work, hours (two decimals).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(10_000)
  volunteerHours: number = 0;

  @Money() volunteerRateGrosze: number = 0;
}

@InputType({ description: 'An activity of the schedule, inside the realisation window.' })
export class ActivityInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => Date)
  @IsDate()
  endsAt: Date;
}

@InputType({ isAbstract: true })
export class GrantApplicationContentInput {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  summary: string = '';

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(3000)
  expectedResults: string = '';

  @Field({ defaultValue: '', description: 'A key of the call’s thematic areas.' })
  @Matches(/^([a-z][a-z0-9_]{0,39})?$/)
  thematicArea: string = '';

  @Field(() => Int, { defaultValue: 0, description: `The grant asked for. ${MONEY}` })
  @IsInt()
  @Max(MAX_GROSZE)
  requestedGrosze: number = 0;

  @Field(() => [BudgetLineInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineInput)
  budget: BudgetLineInput[] = [];

  @Field(() => [ActivityInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActivityInput)
  schedule: ActivityInput[] = [];

  @Field(() => Int, { defaultValue: 0, description: 'Expected participants: residents.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  residents: number = 0;

  @Field(() => Int, { defaultValue: 0, description: 'Expected participants: refugees.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  refugees: number = 0;
}

@InputType({
  description:
    'A draft for an organisation (the caller is its coordinator) or, with groupId, for an informal group (the caller is its contact person).',
})
export class CreateGrantApplicationInput extends GrantApplicationContentInput {
  @Field(() => ID)
  @IsMongoId()
  grantCallId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId()
  groupId?: string;
}

@InputType({
  description: 'The whole content again; a draft, or an application sent back for corrections.',
})
export class UpdateGrantApplicationInput extends GrantApplicationContentInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}

@InputType()
export class SubmitGrantApplicationInput {
  @Field(() => ID)
  @IsMongoId()
  applicationId: string;
}
