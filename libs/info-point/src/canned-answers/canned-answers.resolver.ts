import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Role, Roles } from '@sasiad/core';
import { CannedAnswersService } from './canned-answers.service';
import {
  CannedAnswerInput,
  CannedSearchArgs,
  RenderCannedArgs,
  ShortCodeInput,
} from './dto/canned.inputs';
import { CannedAnswerModel } from './models/canned-answer.model';

@Resolver()
export class CannedAnswersResolver {
  constructor(private readonly canned: CannedAnswersService) {}

  @Query(() => [CannedAnswerModel], { description: 'Prepared answers by short-code prefix.' })
  @Roles(Role.staff, Role.admin)
  cannedAnswers(@Args() args: CannedSearchArgs) {
    return this.canned.search(args.search);
  }

  @Query(() => String, {
    description: 'A prepared answer in one language with its placeholders filled, to send.',
  })
  @Roles(Role.staff, Role.admin)
  renderCannedAnswer(@Args() args: RenderCannedArgs) {
    return this.canned.render(args.shortCode, args.language, args.values);
  }

  @Mutation(() => CannedAnswerModel)
  @Roles(Role.staff, Role.admin)
  createCannedAnswer(@Args('input') input: CannedAnswerInput, @CurrentUser() user: AuthUser) {
    return this.canned.create(input, user);
  }

  @Mutation(() => CannedAnswerModel, { description: 'Replace the texts of a short code.' })
  @Roles(Role.staff, Role.admin)
  updateCannedAnswer(@Args('input') input: CannedAnswerInput, @CurrentUser() user: AuthUser) {
    return this.canned.update(input, user);
  }

  @Mutation(() => Boolean)
  @Roles(Role.admin)
  deleteCannedAnswer(@Args('input') input: ShortCodeInput) {
    return this.canned.remove(input.shortCode);
  }
}
