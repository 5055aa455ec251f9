import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsMongoId, IsOptional } from 'class-validator';
import { PageArgs, Role } from '@sasiad/core';

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'Only the coordinators acting for this organisation (its members).',
  })
  @IsOptional()
  @IsMongoId()
  organisationId?: string;
}

@ArgsType()
export class OrganisationMembersArgs {
  @Field(() => ID)
  @IsMongoId()
  organisationId: string;
}
