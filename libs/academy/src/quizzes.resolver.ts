import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, RequestContext, Role, Roles, SignedIn } from '@sasiad/core';
import { ReadArgs } from './dto/academy.inputs';
import {
  AddQuizQuestionInput,
  SetModuleQuizInput,
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

const Authors = () => Roles(Role.staff, Role.admin);

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
      'Start (or resume the open) attempt at a module’s quiz: questions drawn at random, without answers. `id` is the module.',
  })
  @SignedIn()
  startQuizAttempt(
    @Args() args: ReadArgs,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.quizzes.start(args.id, user, args.lang ?? ctx.lang);
  }

  @Mutation(() => QuizResult, { description: 'Hand in an attempt; it is graded on the server.' })
  @SignedIn()
  submitQuizAttempt(@Args('input') input: SubmitQuizInput, @CurrentUser() user: AuthUser) {
    return this.quizzes.submit(input, user);
  }
}
