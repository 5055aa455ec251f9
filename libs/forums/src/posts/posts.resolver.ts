import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, SignedIn } from '@sasiad/core';
import { ForumTextModel } from '../common/content.model';
import { TranslationsService } from '../translations/translations.service';
import { DiscussionService } from './discussion.service';
import {
  CloseDebateInput,
  CommentOnPostInput,
  CommentsArgs,
  ForumPostsArgs,
  IdeaIdInput,
  IdeasArgs,
  OpenDebateInput,
  PostArgs,
  PostIdeaInput,
  PostPaperIdeaInput,
  SetIdeaStateInput,
  TranslateForumTextInput,
} from './dto/post.inputs';
import { IdeasService } from './ideas.service';
import {
  CommentConnection,
  CommentModel,
  DebateConnection,
  DebateModel,
  IdeaConnection,
  IdeaModel,
  SupportModel,
} from './models/post.model';

@Resolver()
export class PostsResolver {
  constructor(
    private readonly ideas: IdeasService,
    private readonly discussion: DiscussionService,
    private readonly translations: TranslationsService,
  ) {}

  @Query(() => IdeaConnection, { description: "A forum's visible ideas, newest first." })
  @Public()
  forumIdeas(@Args() args: IdeasArgs, @Ctx() ctx: RequestContext) {
    return this.ideas.list(args, args.lang ?? ctx.lang);
  }

  @Query(() => IdeaModel)
  @Public()
  idea(@Args() args: PostArgs, @Ctx() ctx: RequestContext) {
    return this.ideas.get(args.id, args.lang ?? ctx.lang, ctx.user);
  }

  @Query(() => CommentConnection, { description: 'Comments on an idea or debate, oldest first.' })
  @Public()
  forumComments(@Args() args: CommentsArgs, @Ctx() ctx: RequestContext) {
    return this.discussion.comments(args, args.lang ?? ctx.lang);
  }

  @Query(() => DebateConnection)
  @Public()
  forumDebates(@Args() args: ForumPostsArgs, @Ctx() ctx: RequestContext) {
    return this.discussion.debates(args, args.lang ?? ctx.lang);
  }

  @Query(() => DebateModel)
  @Public()
  debate(@Args() args: PostArgs, @Ctx() ctx: RequestContext) {
    return this.discussion.debate(args.id, args.lang ?? ctx.lang);
  }

  @Query(() => Boolean, {
    description: 'Whether a machine-translation provider is configured (none by default).',
  })
  @Public()
  forumMachineTranslationAvailable() {
    return this.translations.machineTranslationAvailable();
  }

  @Mutation(() => IdeaModel, { description: 'A member posts an idea or a problem of the estate.' })
  @SignedIn()
  postIdea(
    @Args('input') input: PostIdeaInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.ideas.post(input, user, ctx.lang);
  }

  @Mutation(() => IdeaModel, { description: 'A facilitator enters an idea collected on paper.' })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  postPaperIdea(
    @Args('input') input: PostPaperIdeaInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.ideas.postPaper(input, user, ctx.lang);
  }

  @Mutation(() => SupportModel, { description: 'One support per member and idea.' })
  @SignedIn()
  supportIdea(@Args('input') input: IdeaIdInput, @CurrentUser() user: AuthUser) {
    return this.ideas.support(input.ideaId, user);
  }

  @Mutation(() => SupportModel)
  @SignedIn()
  withdrawIdeaSupport(@Args('input') input: IdeaIdInput, @CurrentUser() user: AuthUser) {
    return this.ideas.withdraw(input.ideaId, user);
  }

  @Mutation(() => IdeaModel, { description: 'DISCUSSED, or NOT_TAKEN with a reason.' })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  setIdeaState(
    @Args('input') input: SetIdeaStateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.ideas.setState(input, user, ctx.lang);
  }

  @Mutation(() => CommentModel, { description: 'A comment or a reply on an idea or debate.' })
  @SignedIn()
  commentOnPost(
    @Args('input') input: CommentOnPostInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.discussion.comment(input, user, ctx.lang);
  }

  @Mutation(() => DebateModel, { description: 'A facilitator opens a question, without voting.' })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  openDebate(
    @Args('input') input: OpenDebateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.discussion.openDebate(input, user, ctx.lang);
  }

  @Mutation(() => DebateModel, { description: 'Closed with conclusions; no comments after.' })
  @SignedIn() // the forum's facilitator (checked in the service), staff or not
  closeDebate(
    @Args('input') input: CloseDebateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.discussion.closeDebate(input, user, ctx.lang);
  }

  @Mutation(() => ForumTextModel, {
    description: "A facilitator's or volunteer translator's human translation, marked as such.",
  })
  @SignedIn()
  translateForumText(
    @Args('input') input: TranslateForumTextInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.translations.translate(input, user, ctx.lang);
  }
}
