import { Language, LANGUAGES, resolveLocalized, translationState } from '@sasiad/core';
import { QuestionTopic } from '../questions/topics';
import { LeanFaqEntry } from './faq-entry.schema';
import { faqPolicy } from './faq-rules';
import { FaqEntryModel, StaffFaqEntry } from './models/faq.model';

/** What the public reads: question and answer in `lang`, or their fallbacks. */
export function publicView(e: LeanFaqEntry, lang: Language): FaqEntryModel {
  const policy = faqPolicy(e);
  return {
    id: e._id.toHexString(),
    topic: e.topic as QuestionTopic,
    tags: e.tags,
    question: resolveLocalized(e.question, lang, policy),
    answer: resolveLocalized(e.answer, lang, policy),
    requestedLanguage: lang,
    baseLanguage: e.baseLanguage,
    availableLanguages: e.availableLanguages,
    publishedAt: e.publishedAt ?? null,
    updatedAt: e.updatedAt,
  };
}

/**
 * What staff read: every language with its translation state, and the history. Where the
 * reader's language and the fallbacks have no text yet (a draft made from a Ukrainian question),
 * the text shown is the source question's language, then any other, marked by its `language`
 * and `isFallback`: never an empty question.
 */
export function staffView(e: LeanFaqEntry, lang: Language): StaffFaqEntry {
  const policy = faqPolicy(e);
  const staffPolicy = {
    base: policy.base,
    fallbacks: [
      ...policy.fallbacks,
      policy.base,
      ...(e.sourceLanguage ? [e.sourceLanguage] : []),
      ...LANGUAGES,
    ],
  };
  return {
    ...publicView(e, lang),
    question: resolveLocalized(e.question, lang, staffPolicy),
    answer: resolveLocalized(e.answer, lang, staffPolicy),
    sourceLanguage: e.sourceLanguage ?? null,
    state: e.state,
    fallbackLanguages: e.fallbackLanguages,
    translations: LANGUAGES.map((language) => ({
      language,
      question: e.question[language]?.text ?? null,
      answer: e.answer[language]?.text ?? null,
      questionState: translationState(e.question, language),
      answerState: translationState(e.answer, language),
    })),
    history: e.history.map((h) => ({
      action: h.action,
      state: h.state,
      by: h.by.toHexString(),
      at: h.at,
    })),
    lastEditedBy: e.lastEditedBy.toHexString(),
    lastEditedAt: e.lastEditedAt,
    sourceQuestionId: e.sourceQuestionId?.toHexString() ?? null,
    personalDetailsConfirmedAt: e.personalDetailsConfirmedAt ?? null,
  };
}
