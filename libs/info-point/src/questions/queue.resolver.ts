import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AuthUser, CLAIM_RATE_LIMIT, CurrentUser, Role, Roles } from '@sasiad/core';
import {
  ClaimNextQuestionInput,
  QueueArgs,
  QuestionIdArgs,
  QuestionIdInput,
  QuestionTextInput,
  ReassignQuestionInput,
} from './dto/question.inputs';
import {
  ClaimNextPayload,
  QueueConnection,
  QueueEvent,
  QueueItem,
  StaffQuestion,
} from './models/question.model';
import { QueueService } from './queue.service';

/** Counted against CLAIM_RATE_PER_MINUTE per staff member. */
const ClaimRateLimited = () => SetMetadata(CLAIM_RATE_LIMIT, true);

/** The staff side: the queue, claims, answers and notes. Admins can do what staff can. */
@Resolver()
export class QueueResolver {
  constructor(private readonly queue: QueueService) {}

  @Query(() => QueueConnection, { description: 'Questions, oldest first; no content.' })
  @Roles(Role.staff, Role.admin)
  questionQueue(@Args() args: QueueArgs, @CurrentUser() user: AuthUser) {
    return this.queue.queue(args, user);
  }

  @Query(() => StaffQuestion, { description: 'A question with its content. The read is audited.' })
  @Roles(Role.staff, Role.admin)
  staffQuestion(@Args() args: QuestionIdArgs, @CurrentUser() user: AuthUser) {
    return this.queue.staffQuestion(args.questionId, user);
  }

  @Mutation(() => QueueItem, { description: 'Take an open question; exactly one claim wins.' })
  @Roles(Role.staff, Role.admin)
  @ClaimRateLimited()
  claimQuestion(@Args('input') input: QuestionIdInput, @CurrentUser() user: AuthUser) {
    return this.queue.claim(input.questionId, user);
  }

  @Mutation(() => ClaimNextPayload, {
    description:
      'Take the most urgent open question (earliest due time) in your languages, if one waits.',
  })
  @Roles(Role.staff, Role.admin)
  @ClaimRateLimited()
  claimNextQuestion(@Args('input') input: ClaimNextQuestionInput, @CurrentUser() user: AuthUser) {
    return this.queue.claimNext(input, user);
  }

  @Mutation(() => QueueItem, { description: 'Put a held question back in the queue.' })
  @Roles(Role.staff, Role.admin)
  releaseQuestion(@Args('input') input: QuestionIdInput, @CurrentUser() user: AuthUser) {
    return this.queue.release(input.questionId, user);
  }

  @Mutation(() => QueueItem, { description: 'Hand a held question to another staff member.' })
  @Roles(Role.staff, Role.admin)
  reassignQuestion(@Args('input') input: ReassignQuestionInput, @CurrentUser() user: AuthUser) {
    return this.queue.reassign(input.questionId, input.staffUserId, user);
  }

  @Mutation(() => StaffQuestion, { description: 'A note for staff; the asker never sees it.' })
  @Roles(Role.staff, Role.admin)
  addInternalNote(@Args('input') input: QuestionTextInput, @CurrentUser() user: AuthUser) {
    return this.queue.addNote(input.questionId, input.text, user);
  }

  @Mutation(() => StaffQuestion, {
    description: 'Answer in the asker’s language; only the holder of the claim.',
  })
  @Roles(Role.staff, Role.admin)
  answerQuestion(@Args('input') input: QuestionTextInput, @CurrentUser() user: AuthUser) {
    return this.queue.answer(input.questionId, input.text, user);
  }

  @Mutation(() => StaffQuestion, { description: 'Ask the asker for details; only the holder.' })
  @Roles(Role.staff, Role.admin)
  askForDetails(@Args('input') input: QuestionTextInput, @CurrentUser() user: AuthUser) {
    return this.queue.askForDetails(input.questionId, input.text, user);
  }

  @Mutation(() => QueueItem, { description: 'Close a question (the holder, or an admin).' })
  @Roles(Role.staff, Role.admin)
  closeQuestion(@Args('input') input: QuestionIdInput, @CurrentUser() user: AuthUser) {
    return this.queue.close(input.questionId, user);
  }

  @Subscription(() => QueueEvent, {
    description: 'Every change in the queue, live (new, claimed, answered, closed, …).',
    resolve: (event: QueueEvent) => event,
  })
  @Roles(Role.staff, Role.admin)
  questionQueueEvents() {
    return this.queue.queueEvents();
  }
}
