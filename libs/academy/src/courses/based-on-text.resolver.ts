import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, LocalizedText, Public, RequestContext } from '@sasiad/core';
import { isAuthor } from '../common/authors';
import type { AcademyText } from './based-on-text';

/**
 * `LocalizedText.basedOnText`: for authors (staff, admins), the base text an OUTDATED
 * translation of a course's text was made from. Everyone else, and texts of other contexts,
 * get null: the check is here, not in the (possibly cached) view.
 */
@Resolver(() => LocalizedText)
export class BasedOnTextResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      'Academy authors only (null for anyone else and outside the Academy): when the requested language’s translation is OUTDATED, the base-language text it was made from, to compare with today’s base text. Null when up to date, missing, or outdated before base texts were kept.',
  })
  @Public()
  basedOnText(@Parent() text: AcademyText, @Ctx() ctx: RequestContext): string | null {
    return isAuthor(ctx.user) ? (text.basedOnForAuthors ?? null) : null;
  }
}
