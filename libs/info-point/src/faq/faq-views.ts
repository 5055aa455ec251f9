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

/** What staff read: every language with its translation state, and the history. */
export function staffView(e: LeanFaqEntry, lang: Language): StaffFaqEntry {
  return {
    ...publicView(e, lang),
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
