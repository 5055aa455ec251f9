import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsMongoId, IsOptional } from 'class-validator';
import { PageArgs } from '@sasiad/core';

@ArgsType()
export class AuditArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsMongoId()
  questionId?: string;
}
