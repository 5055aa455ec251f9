import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsMongoId, IsOptional, Max, Min } from 'class-validator';
import {
  LocalizedMarkdownInput,
  ReadLanguageField,
  TranslationsField,
  Language,
} from '@sasiad/core';

export enum ForumRole {
  FACILITATOR = 'FACILITATOR',
  MODERATOR = 'MODERATOR',
  TRANSLATOR = 'TRANSLATOR',
}
registerEnumType(ForumRole, {
  name: 'ForumRole',
  description:
    'Assigned per forum by admins to any account (staff or a volunteer). FACILITATOR: activities, debates, recommendations, paper ideas; MODERATOR: hides and restores posts; TRANSLATOR (a volunteer): adds translations.',
});

@ArgsType()
export class ForumArgs {
  @Field(() => ID)
  @IsMongoId()
  id: string;

  @ReadLanguageField()
  lang?: Language;
}

@ArgsType()
export class ForumsArgs {
  @ReadLanguageField()
  lang?: Language;
}

@InputType()
export class JoinForumInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field({
    defaultValue: false,
    description: 'List me among the members on the public page (off unless I agree).',
  })
  @IsBoolean()
  public: boolean = false;
}

@InputType()
export class SetForumMembershipVisibilityInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field({ description: 'True: listed on the public page; false: not listed.' })
  @IsBoolean()
  public: boolean;
}

@InputType()
export class LeaveForumInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;
}

@InputType()
export class SetForumRoleInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @Field(() => ID)
  @IsMongoId()
  userId: string;

  @Field(() => ForumRole)
  @IsEnum(ForumRole)
  role: ForumRole;

  @Field({ description: 'True assigns the role, false takes it away.' })
  @IsBoolean()
  assigned: boolean;
}

@InputType()
export class UpdateForumInput {
  @Field(() => ID)
  @IsMongoId()
  forumId: string;

  @TranslationsField(() => LocalizedMarkdownInput, { optional: true })
  description?: LocalizedMarkdownInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Distinct reports after which a post is hidden until a moderator decides.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  autoHideAfterReports?: number;
}
