import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  Public,
  RequestContext,
  SignedIn,
  StoredFileModel,
} from '@sasiad/core';
import { PostArgs } from '../posts/dto/post.inputs';
import { ActivitiesService } from './activities.service';
import {
  ActivitiesArgs,
  ActivityConnection,
  ActivityModel,
  CreateForumActivityInput,
  RecordActivityMinutesInput,
} from './dto/activity.inputs';

@Resolver(() => ActivityModel)
export class ActivitiesResolver {
  constructor(private readonly activities: ActivitiesService) {}

  @ResolveField(() => [StoredFileModel], {
    description:
      "Photos (upload: requestFileUpload with ownerKind 'forums.activity' and the activity's id, by its facilitators).",
  })
  @Public()
  photos(@Parent() activity: ActivityModel) {
    return this.activities.photos(activity.id);
  }

  @Query(() => ActivityConnection, { description: "A forum's activities, newest first." })
  @Public()
  forumActivities(@Args() args: ActivitiesArgs) {
    return this.activities.list(args);
  }

  @Query(() => ActivityModel)
  @Public()
  forumActivity(@Args() args: PostArgs) {
    return this.activities.get(args.id);
  }

  @Mutation(() => ActivityModel, {
    description: 'A facilitator announces a walk, field game, meeting or workshop with seats.',
  })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  createForumActivity(
    @Args('input') input: CreateForumActivityInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.activities.create(input, user, ctx.lang);
  }

  @Mutation(() => ActivityModel, {
    description: 'Minutes, participants (and newcomers) and the ideas that came up.',
  })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  recordActivityMinutes(
    @Args('input') input: RecordActivityMinutesInput,
    @CurrentUser() user: AuthUser,
  ) {
    return this.activities.recordMinutes(input, user);
  }
}
