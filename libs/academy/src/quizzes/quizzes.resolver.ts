import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, SignedIn } from '@sasiad/core';
import { Authors } from '../common/authors';
import { ReadArgs } from '../common/dto/read.args';
import {
  AddQuizQuestionInput,
  SetModuleQuizInput,
  StartQuizAttemptInput,
  SubmitQuizInput,
  UpdateQuizQuestionInput,
} from './dto/quiz.inputs';
import {
  QuizAttemptModel,
  QuizQuestionForAuthor,
  QuizResult,
  QuizSettingsModel,
} from './models/quiz.model';
import { QuizzesService } from './quizzes.service';

@Resolver()
export class QuizzesResolver {
  constructor(private readonly quizzes: QuizzesService) {}

  @Mutation(() => QuizSettingsModel, { description: 'Give a module a quiz, or change it.' })
  @Authors()
  setModuleQuiz(@Args('input') input: SetModuleQuizInput) {
    return this.quizzes.setQuiz(input);
  }

  @Mutation(() => QuizQuestionForAuthor, { description: 'Add a question to a module’s bank.' })
  @Authors()
  addQuizQuestion(@Args('input') input: AddQuizQuestionInput, @Ctx() ctx: RequestContext) {
    return this.quizzes.addQuestion(input, ctx.lang);
  }

  @Mutation(() => QuizQuestionForAuthor, { description: 'Translate or reword a question.' })
  @Authors()
  updateQuizQuestion(@Args('input') input: UpdateQuizQuestionInput, @Ctx() ctx: RequestContext) {
    return this.quizzes.updateQuestion(input, ctx.lang);
  }

  @Query(() => [QuizQuestionForAuthor], {
    description: 'A module’s question bank with the answers (authors only). `id` is the module.',
  })
  @Authors()
  quizQuestionBank(@Args() args: ReadArgs, @Ctx() ctx: RequestContext) {
    return this.quizzes.bank(args.id, args.lang ?? ctx.lang);
  }

  @Mutation(() => QuizAttemptModel, {
    description:
      'Start (or resume the open) attempt at a module’s quiz: questions drawn at random, without answers.',
  })
  @SignedIn()
  startQuizAttempt(
    @Args('input') input: StartQuizAttemptInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.quizzes.start(input.moduleId, user, input.lang ?? ctx.lang);
  }

  @Mutation(() => QuizResult, { description: 'Hand in an attempt; it is graded on the server.' })
  @SignedIn()
  submitQuizAttempt(
    @Args('input') input: SubmitQuizInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.quizzes.submit(input, user, ctx.lang);
  }
}
