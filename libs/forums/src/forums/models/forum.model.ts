import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LocalizedText } from '@sasiad/core';
import { ForumRole } from '../dto/forum.inputs';

@ObjectType('Forum', { description: 'An Active Residents Forum of a housing estate. Public.' })
export class ForumModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'A stable key, e.g. bema.' })
  key: string;

  @Field({ description: 'The estate (a proper name).' })
  name: string;

  @Field()
  city: string;

  @Field(() => LocalizedText)
  description: LocalizedText;

  @Field(() => Int)
  memberCount: number;

  @Field(() => [ID])
  facilitatorIds: string[];

  @Field(() => [ID])
  moderatorIds: string[];

  @Field(() => Int)
  autoHideAfterReports: number;

  @Field({ description: 'Loaded by the seed command as sample data.' })
  sample: boolean;

  @Field({ description: 'Whether the caller is a member (false when not signed in).' })
  viewerIsMember: boolean;

  @Field(() => [ForumRole], {
    description:
      "The caller's roles in this forum (an admin holds all three; [] when not signed in): the app shows their screens.",
  })
  viewerRoles: ForumRole[];
}

@ObjectType('ForumMember', { description: 'A member who agreed to be listed publicly.' })
export class ForumMemberModel {
  @Field(() => ID)
  userId: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => Date)
  since: Date;
}

@ObjectType('ForumMembership')
export class MembershipModel {
  @Field(() => ID)
  forumId: string;

  @Field()
  member: boolean;

  @Field({ description: 'Listed on the public page.' })
  public: boolean;
}
