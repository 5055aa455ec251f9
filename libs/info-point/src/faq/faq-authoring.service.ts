import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  mergeLocalized,
} from '@sasiad/core';
import { QueueService } from '../questions/queue.service';
import {
  ChangeFaqEntryStateInput,
  CreateFaqEntryFromQuestionInput,
  CreateFaqEntryInput,
  UpdateFaqEntryInput,
} from './dto/faq.inputs';
import { FaqEntry, FaqState, LeanFaqEntry } from './faq-entry.schema';
import {
  ACTION_TO,
  assertPublishable,
  availableLanguages,
  FAQ_TRANSITIONS,
  mergeFaqText,
  readerTokens,
} from './faq-rules';
import { FaqStore } from './faq-store.service';
import { staffView } from './faq-views';
import { StaffFaqEntry } from './models/faq.model';

/**
 * Writing the FAQ: drafts made from answered questions (or from scratch), edits merged per
 * language, and the review workflow (a second staff member publishes).
 */
@Injectable()
export class FaqAuthoringService {
  constructor(
    private readonly store: FaqStore,
    private readonly questions: QueueService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  /** A draft with the question's and its chosen answer's words, in the question's language. */
  async createFromQuestion(
    input: CreateFaqEntryFromQuestionInput,
    staff: AuthUser,
    lang: Language,
  ): Promise<StaffFaqEntry> {
    const source = await this.questions.faqSource(input.questionId, staff, input.answerMessages);
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    // the asker's words are kept as written (no HTML check yet): submitting checks everything
    const question = mergeLocalized(
      undefined,
      [{ lang: source.language, text: source.text }],
      base,
      now,
    );
    const answer = mergeLocalized(
      undefined,
      [{ lang: source.language, text: source.answer }],
      base,
      now,
    );
    return this.insert(
      {
        question,
        answer,
        topic: source.topic,
        tags: input.tags ?? [],
        baseLanguage: base,
        fallbackLanguages: (input.fallbackLanguages ?? []).filter((l) => l !== base),
        sourceQuestionId: source.id,
        sourceLanguage: source.language,
      },
      staff,
      lang,
      now,
    );
  }

  async create(input: CreateFaqEntryInput, staff: AuthUser, lang: Language) {
    const base = input.baseLanguage ?? 'pl';
    const now = this.clock.now();
    return this.insert(
      {
        question: mergeFaqText(undefined, input.question, base, now, 'question', true),
        answer: mergeFaqText(undefined, input.answer, base, now, 'answer', true),
        topic: input.topic,
        tags: input.tags ?? [],
        baseLanguage: base,
        fallbackLanguages: (input.fallbackLanguages ?? []).filter((l) => l !== base),
        sourceQuestionId: null,
        sourceLanguage: null,
      },
      staff,
      lang,
      now,
    );
  }

  private async insert(
    fields: Pick<
      FaqEntry,
      | 'question'
      | 'answer'
      | 'topic'
      | 'tags'
      | 'baseLanguage'
      | 'fallbackLanguages'
      | 'sourceQuestionId'
      | 'sourceLanguage'
    >,
    staff: AuthUser,
    lang: Language,
    now: Date,
  ): Promise<StaffFaqEntry> {
    const by = new Types.ObjectId(staff.id);
    const created = await this.store.insert({
      ...fields,
      availableLanguages: availableLanguages(fields),
      searchTokens: [],
      state: FaqState.DRAFT,
      history: [{ action: 'create', state: FaqState.DRAFT, by, at: now }],
      lastEditedBy: by,
      lastEditedAt: now,
    });
    return staffView(created, lang);
  }

  /**
   * Merges texts per language and changes topic, tags or fallbacks; guarded by the entry's
   * version (a concurrent change makes it try again on the new state). An entry in review or
   * published must stay free of personal data after the edit.
   */
  async update(input: UpdateFaqEntryInput, staff: AuthUser, lang: Language) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.find(input.entryId);
      if (current.state === FaqState.ARCHIVED)
        throw new DomainException(ErrorCode.FAQ_ENTRY_NOT_EDITABLE);
      const now = this.clock.now();
      const base = current.baseLanguage;
      const next: LeanFaqEntry = {
        ...current,
        question: input.question
          ? mergeFaqText(current.question, input.question, base, now, 'question', false)
          : current.question,
        answer: input.answer
          ? mergeFaqText(current.answer, input.answer, base, now, 'answer', false)
          : current.answer,
        topic: input.topic ?? current.topic,
        tags: input.tags ?? current.tags,
        fallbackLanguages: input.fallbackLanguages
          ? input.fallbackLanguages.filter((l) => l !== base)
          : current.fallbackLanguages,
      };
      if (current.state !== FaqState.DRAFT) assertPublishable(next, this.i18n.t(lang));
      const by = new Types.ObjectId(staff.id);
      const updated = await this.store.write(current, {
        $set: {
          question: next.question,
          answer: next.answer,
          topic: next.topic,
          tags: next.tags,
          fallbackLanguages: next.fallbackLanguages,
          availableLanguages: availableLanguages(next),
          searchTokens: current.state === FaqState.PUBLISHED ? readerTokens(next) : [],
          lastEditedBy: by,
          lastEditedAt: now,
        },
        $push: { history: { action: 'edit', state: current.state, by, at: now } },
      });
      if (updated) return staffView(updated, lang);
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  /**
   * DRAFT → IN_REVIEW (the author confirms the personal details are gone; the detector agrees)
   * → PUBLISHED (by someone other than the last editor) → ARCHIVED; IN_REVIEW may go back to
   * DRAFT. The write is conditional on the state and version it was decided on.
   */
  async changeState(input: ChangeFaqEntryStateInput, staff: AuthUser, lang: Language) {
    const current = await this.store.find(input.entryId);
    const to = input.to;
    if (!FAQ_TRANSITIONS[current.state].includes(to))
      throw new DomainException(ErrorCode.FAQ_TRANSITION_NOT_ALLOWED, {
        from: current.state,
        to,
      });
    const now = this.clock.now();
    const t = this.i18n.t(lang);
    const set: Record<string, unknown> = { state: to };
    if (to === FaqState.IN_REVIEW) {
      if (input.personalDetailsRemoved !== true)
        throw new DomainException(ErrorCode.FAQ_PERSONAL_DETAILS_NOT_CONFIRMED, {}, [
          { field: 'personalDetailsRemoved', constraint: 'mustBeTrue' },
        ]);
      assertPublishable(current, t);
      set.personalDetailsConfirmedAt = now;
    }
    if (to === FaqState.PUBLISHED) {
      if (current.lastEditedBy.equals(staff.id))
        throw new DomainException(ErrorCode.FAQ_SAME_EDITOR_AND_REVIEWER);
      assertPublishable(current, t);
      set.publishedAt = now;
      set.searchTokens = readerTokens(current);
    } else {
      set.searchTokens = [];
    }
    const updated = await this.store.write(current, {
      $set: set,
      $push: {
        history: { action: ACTION_TO[to], state: to, by: new Types.ObjectId(staff.id), at: now },
      },
    });
    if (!updated) throw new DomainException(ErrorCode.EDIT_CONFLICT);
    return staffView(updated, lang);
  }
}
