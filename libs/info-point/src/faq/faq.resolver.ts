import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, Ctx, CurrentUser, Public, RequestContext, Role, Roles } from '@sasiad/core';
import {
  ChangeFaqEntryStateInput,
  CreateFaqEntryFromQuestionInput,
  CreateFaqEntryInput,
  FaqEntriesArgs,
  FaqEntryArgs,
  FaqSuggestionsArgs,
  FaqTranslationGapsArgs,
  StaffFaqEntriesArgs,
  UpdateFaqEntryInput,
} from './dto/faq.inputs';
import { FaqAuthoringService } from './faq-authoring.service';
import { FaqService } from './faq.service';
import {
  FaqEntryConnection,
  FaqEntryModel,
  FaqSuggestion,
  FaqTranslationGap,
  StaffFaqEntry,
  StaffFaqEntryConnection,
} from './models/faq.model';

const Staff = () => Roles(Role.staff, Role.admin);

/** The FAQ: public reading, search and suggestions; staff authoring and review. */
@Resolver()
export class FaqResolver {
  constructor(
    private readonly faq: FaqService,
    private readonly authoring: FaqAuthoringService,
  ) {}

  @Query(() => FaqEntryConnection, {
    description:
      'Published FAQ entries in the reader’s language (or `lang`); search is accent-insensitive and Latin letters find Cyrillic.',
  })
  @Public()
  faqEntries(@Args() args: FaqEntriesArgs, @Ctx() ctx: RequestContext) {
    return this.faq.publicList(args, args.lang ?? ctx.lang, ctx.loaders);
  }

  @Query(() => FaqEntryModel, { description: 'A published FAQ entry.' })
  @Public()
  faqEntry(@Args() args: FaqEntryArgs, @Ctx() ctx: RequestContext) {
    return this.faq.publicEntry(args.id, args.lang ?? ctx.lang, ctx.loaders);
  }

  @Query(() => [FaqSuggestion], {
    description:
      'Published answers matching a question being written, best first, to show before asking. The text is not stored or logged.',
  })
  @Public()
  faqSuggestions(@Args() args: FaqSuggestionsArgs) {
    return this.faq.suggestions(args);
  }

  @Query(() => StaffFaqEntryConnection, { description: 'FAQ entries in every state.' })
  @Staff()
  staffFaqEntries(@Args() args: StaffFaqEntriesArgs, @Ctx() ctx: RequestContext) {
    return this.faq.staffList(args, args.lang ?? ctx.lang);
  }

  @Query(() => StaffFaqEntry, { description: 'A FAQ entry in any state, with all languages.' })
  @Staff()
  staffFaqEntry(@Args() args: FaqEntryArgs, @Ctx() ctx: RequestContext) {
    return this.faq.staffEntry(args.id, args.lang ?? ctx.lang);
  }

  @Query(() => [FaqTranslationGap], {
    description: 'FAQ questions and answers missing or outdated in a language (not archived).',
  })
  @Staff()
  faqTranslationGaps(@Args() args: FaqTranslationGapsArgs) {
    return this.faq.translationGaps(args.lang);
  }

  @Mutation(() => StaffFaqEntry, {
    description:
      'A FAQ draft pre-filled from an answered or closed question (its words and latest answer, in its language). Reading the question is audited.',
  })
  @Staff()
  createFaqEntryFromQuestion(
    @Args('input') input: CreateFaqEntryFromQuestionInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.authoring.createFromQuestion(input, user, ctx.lang);
  }

  @Mutation(() => StaffFaqEntry, { description: 'A FAQ draft written from scratch.' })
  @Staff()
  createFaqEntry(
    @Args('input') input: CreateFaqEntryInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.authoring.create(input, user, ctx.lang);
  }

  @Mutation(() => StaffFaqEntry, {
    description:
      'Edit texts (merged per language), topic, tags or fallbacks. In review or published, the text must stay free of personal data.',
  })
  @Staff()
  updateFaqEntry(
    @Args('input') input: UpdateFaqEntryInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.authoring.update(input, user, ctx.lang);
  }

  @Mutation(() => StaffFaqEntry, {
    description:
      'DRAFT → IN_REVIEW (confirm personalDetailsRemoved) → PUBLISHED (not by the last editor) → ARCHIVED; IN_REVIEW may go back to DRAFT.',
  })
  @Staff()
  changeFaqEntryState(
    @Args('input') input: ChangeFaqEntryStateInput,
    @CurrentUser() user: AuthUser,
    @Ctx() ctx: RequestContext,
  ) {
    return this.authoring.changeState(input, user, ctx.lang);
  }
}
