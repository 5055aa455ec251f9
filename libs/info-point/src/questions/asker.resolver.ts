import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import {
  ACCESS_CODE_RATE_LIMIT,
  AuthUser,
  Ctx,
  CurrentUser,
  PageArgs,
  Public,
  RequestContext,
  SignedIn,
} from '@sasiad/core';
import { LangArgs } from '../common/lang.args';
import { AskerService } from './asker.service';
import {
  AskerAccessArgs,
  AskerAccessInput,
  AskQuestionInput,
  FollowUpQuestionInput,
} from './dto/question.inputs';
import {
  AskerQuestion,
  AskerQuestionConnection,
  AskerQuestionEvent,
  AskQuestionPayload,
  ConsentText,
} from './models/question.model';

/** Counted against ACCESS_CODE_RATE_PER_MINUTE per client address (access-code guessing). */
const AccessCodeRateLimited = () => SetMetadata(ACCESS_CODE_RATE_LIMIT, true);

/**
 * The asker's side. Signed in, a question is reached by its id among one's own; anonymous, by
 * the access code given when asking. Neither `user` nor the code is trusted here: the service
 * decides.
 */
@Resolver()
export class AskerResolver {
  constructor(private readonly asker: AskerService) {}

  @Query(() => ConsentText, {
    description: 'The consent text to show before asking, in the request’s language (or `lang`).',
  })
  @Public()
  infoPointConsent(@Args() args: LangArgs, @Ctx() ctx: RequestContext) {
    return this.asker.consentText(args.lang ?? ctx.lang);
  }

  @Mutation(() => AskQuestionPayload, {
    description:
      'Ask the information point, signed in or anonymously (then keep the returned access code).',
  })
  @Public()
  @AccessCodeRateLimited()
  askQuestion(@Args('input') input: AskQuestionInput, @Ctx() ctx: RequestContext) {
    return this.asker.ask(input, ctx.user, ctx.authProblem);
  }

  @Query(() => AskerQuestion, {
    description: 'Your question with its answers: give questionId (signed in) or accessCode.',
  })
  @Public()
  @AccessCodeRateLimited()
  myQuestion(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.asker.askerQuestion(access, ctx.user);
  }

  @Query(() => AskerQuestionConnection, { description: 'The questions you asked, oldest first.' })
  @SignedIn()
  myQuestions(@Args() page: PageArgs, @CurrentUser() user: AuthUser) {
    return this.asker.myQuestions(user, page);
  }

  @Mutation(() => AskerQuestion, { description: 'Reply to an answer or a request for details.' })
  @Public()
  @AccessCodeRateLimited()
  followUpQuestion(@Args('input') input: FollowUpQuestionInput, @Ctx() ctx: RequestContext) {
    return this.asker.followUp(input, ctx.user, input.text);
  }

  @Mutation(() => AskerQuestion, { description: 'Mark the replies to your question as read.' })
  @Public()
  @AccessCodeRateLimited()
  markQuestionRead(@Args('input') input: AskerAccessInput, @Ctx() ctx: RequestContext) {
    return this.asker.markRead(input, ctx.user);
  }

  @Mutation(() => AskerQuestion, {
    description: 'Reopen a closed question within INFO_POINT_REOPEN_DAYS of closing.',
  })
  @Public()
  @AccessCodeRateLimited()
  reopenQuestion(@Args('input') input: AskerAccessInput, @Ctx() ctx: RequestContext) {
    return this.asker.reopen(input, ctx.user);
  }

  @Mutation(() => Boolean, {
    description:
      'Erase your question: its text, answers, notes and contact go; only anonymous statistics stay.',
  })
  @Public()
  @AccessCodeRateLimited()
  eraseQuestion(@Args('input') input: AskerAccessInput, @Ctx() ctx: RequestContext) {
    return this.asker.erase(input, ctx.user);
  }

  @Subscription(() => AskerQuestionEvent, {
    description:
      'Tells you when your question is answered, needs details or is closed: all your questions when signed in, or the one of accessCode.',
    resolve: (event: AskerQuestionEvent) => event,
  })
  @Public()
  myQuestionEvents(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.asker.askerEvents(access, ctx.user, ctx.clientIp);
  }
}
