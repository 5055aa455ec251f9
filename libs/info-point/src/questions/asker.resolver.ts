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
import { AskerAccessArgs, AskerTextArgs, AskQuestionInput } from './dto/question.inputs';
import {
  AskerQuestion,
  AskerQuestionConnection,
  AskerQuestionEvent,
  AskQuestionPayload,
  ConsentText,
} from './models/question.model';
import { QuestionsService } from './questions.service';

/** Counted against ACCESS_CODE_RATE_PER_MINUTE per client address (access-code guessing). */
const AccessCodeRateLimited = () => SetMetadata(ACCESS_CODE_RATE_LIMIT, true);

/**
 * The asker's side. Signed in, a question is reached by its id among one's own; anonymous, by
 * the access code given when asking. Neither `user` nor the code is trusted here: the service
 * decides.
 */
@Resolver()
export class AskerResolver {
  constructor(private readonly questions: QuestionsService) {}

  @Query(() => ConsentText, { description: 'The consent text to show before asking.' })
  @Public()
  infoPointConsent(@Ctx() ctx: RequestContext) {
    return this.questions.consentText(ctx.t);
  }

  @Mutation(() => AskQuestionPayload, {
    description:
      'Ask the information point, signed in or anonymously (then keep the returned access code).',
  })
  @Public()
  @AccessCodeRateLimited()
  askQuestion(@Args('input') input: AskQuestionInput, @Ctx() ctx: RequestContext) {
    return this.questions.ask(input, ctx.user, ctx.authProblem);
  }

  @Query(() => AskerQuestion, {
    description: 'Your question with its answers: give questionId (signed in) or accessCode.',
  })
  @Public()
  @AccessCodeRateLimited()
  myQuestion(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.questions.askerQuestion(access, ctx.user);
  }

  @Query(() => AskerQuestionConnection, { description: 'The questions you asked, oldest first.' })
  @SignedIn()
  myQuestions(@Args() page: PageArgs, @CurrentUser() user: AuthUser) {
    return this.questions.myQuestions(user, page);
  }

  @Mutation(() => AskerQuestion, { description: 'Reply to an answer or a request for details.' })
  @Public()
  @AccessCodeRateLimited()
  followUpQuestion(@Args() args: AskerTextArgs, @Ctx() ctx: RequestContext) {
    return this.questions.followUp(args, ctx.user, args.text);
  }

  @Mutation(() => AskerQuestion, {
    description: 'Reopen a closed question within INFO_POINT_REOPEN_DAYS of closing.',
  })
  @Public()
  @AccessCodeRateLimited()
  reopenQuestion(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.questions.reopen(access, ctx.user);
  }

  @Mutation(() => Boolean, {
    description:
      'Erase your question: its text, answers, notes and contact go; only anonymous statistics stay.',
  })
  @Public()
  @AccessCodeRateLimited()
  eraseQuestion(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.questions.erase(access, ctx.user);
  }

  @Subscription(() => AskerQuestionEvent, {
    description:
      'Tells you when your question is answered, needs details or is closed: all your questions when signed in, or the one of accessCode.',
    resolve: (event: AskerQuestionEvent) => event,
  })
  @Public()
  myQuestionEvents(@Args() access: AskerAccessArgs, @Ctx() ctx: RequestContext) {
    return this.questions.askerEvents(access, ctx.user, ctx.clientIp);
  }
}
