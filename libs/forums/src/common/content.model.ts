import { Field, ObjectType } from '@nestjs/graphql';
import { I18nService, Language, LanguageCodeScalar } from '@sasiad/core';
import type { TranslationDoc } from '../posts/post.schema';

@ObjectType('ForumTranslation', {
  description: 'A translation of a text, always marked as one; the original stays beside it.',
})
export class TranslationModel {
  @Field(() => LanguageCodeScalar)
  language: Language;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  text: string;

  @Field({ description: 'True for a machine translation; false: written by a person.' })
  isMachine: boolean;

  @Field(() => Date)
  translatedAt: Date;
}

@ObjectType('ForumText', {
  description:
    "A resident's text in its original language (named), with every translation; `translation` is the one in the reader's language, if any.",
})
export class ForumTextModel {
  @Field(() => LanguageCodeScalar, { description: 'The language the text was written in.' })
  language: Language;

  @Field({ description: "The original language's name, in the reader's language." })
  languageName: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  text: string;

  @Field(() => TranslationModel, {
    nullable: true,
    description: "In the reader's language when the original is in another one.",
  })
  translation: TranslationModel | null;

  @Field(() => [TranslationModel])
  translations: TranslationModel[];
}

/** The GraphQL view of a stored text and its translations, for a reader of `lang`. */
export function toForumText(
  doc: { title?: string | null; text: string; language: Language; translations?: TranslationDoc[] },
  lang: Language,
  i18n: I18nService,
): ForumTextModel {
  const translations = (doc.translations ?? []).map((t) => ({
    language: t.language,
    title: t.title ?? null,
    text: t.text,
    isMachine: Boolean(t.machine),
    translatedAt: t.translatedAt,
  }));
  return {
    language: doc.language,
    languageName: i18n.t(lang)(`forums:language.${doc.language}`),
    title: doc.title ?? null,
    text: doc.text,
    translation:
      doc.language === lang ? null : (translations.find((t) => t.language === lang) ?? null),
    translations,
  };
}
