import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Connection,
  containsRawHtml,
  decodeCursor,
  DomainException,
  ErrorCode,
  FieldEncryption,
  FieldProblem,
  I18nService,
  Language,
  LanguagePolicy,
  LANGUAGES,
  languageTokens,
  LocalizedField,
  mergeLocalized,
  mergeTranslations,
  queryWords,
  resolveLocalized,
  TextEntry,
  toConnection,
  TranslationState,
  translationState,
} from '@sasiad/core';
import { QueueService } from '../questions/queue.service';
import { QuestionTopic } from '../questions/topics';
import {
  ChangeFaqEntryStateInput,
  CreateFaqEntryFromQuestionInput,
  CreateFaqEntryInput,
  FaqEntriesArgs,
  FaqSuggestionsArgs,
  StaffFaqEntriesArgs,
  UpdateFaqEntryInput,
} from './dto/faq.inputs';
import { FaqAction, FaqEntry, FaqState, LeanFaqEntry } from './faq-entry.schema';
import { FaqEntryModel, FaqSuggestion, FaqTranslationGap, StaffFaqEntry } from './models/faq.model';
import { findPersonalData, PersonalDataKind } from './personal-data';
import { suggestionScore, suggestionStems } from './suggestions';

const TEXT = 'info_point_faq.text';
const FIELDS = ['question', 'answer'] as const;
type FaqField = (typeof FIELDS)[number];

/** The workflow: every other move is refused with FAQ_TRANSITION_NOT_ALLOWED. */
export const FAQ_TRANSITIONS: Record<FaqState, FaqState[]> = {
  [FaqState.DRAFT]: [FaqState.IN_REVIEW],
  [FaqState.IN_REVIEW]: [FaqState.DRAFT, FaqState.PUBLISHED],
  [FaqState.PUBLISHED]: [FaqState.ARCHIVED],
  [FaqState.ARCHIVED]: [],
};
const ACTION_TO: Record<FaqState, FaqAction> = {
  [FaqState.DRAFT]: 'return',
  [FaqState.IN_REVIEW]: 'submit',
  [FaqState.PUBLISHED]: 'publish',
  [FaqState.ARCHIVED]: 'archive',
};

type Opened = LeanFaqEntry;

/**
 * The public FAQ of the information point: entries made from answered questions (or written
 * from scratch), de-personalised, reviewed by a second staff member, published per language with
 * the academy's translation states, searched and suggested to askers in their language.
 */
@Injectable()
export class FaqService {
  constructor(
    @InjectModel(FaqEntry.name) private readonly entries: Model<FaqEntry>,
    private readonly crypto: FieldEncryption,
    private readonly questions: QueueService,
    private readonly i18n: I18nService,
  ) {}

  // ---------------------------------------------------------------- authoring

  /** A draft with the question's and its latest answer's words, in the question's language. */
  async createFromQuestion(
    input: CreateFaqEntryFromQuestionInput,
    staff: AuthUser,
    lang: Language,
  ): Promise<StaffFaqEntry> {
    const source = await this.questions.faqSource(input.questionId, staff);
    const base = input.baseLanguage ?? 'pl';
    const now = new Date();
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
      },
      staff,
      lang,
      now,
    );
  }

  async create(input: CreateFaqEntryInput, staff: AuthUser, lang: Language) {
    const base = input.baseLanguage ?? 'pl';
    const now = new Date();
    return this.insert(
      {
        question: this.merge(undefined, input.question, base, now, 'question', true),
        answer: this.merge(undefined, input.answer, base, now, 'answer', true),
        topic: input.topic,
        tags: input.tags ?? [],
        baseLanguage: base,
        fallbackLanguages: (input.fallbackLanguages ?? []).filter((l) => l !== base),
        sourceQuestionId: null,
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
    >,
    staff: AuthUser,
    lang: Language,
    now: Date,
  ): Promise<StaffFaqEntry> {
    const by = new Types.ObjectId(staff.id);
    const created = await this.entries.create({
      ...fields,
      question: this.seal(fields.question),
      answer: this.seal(fields.answer),
      availableLanguages: this.available(fields),
      searchTokens: [],
      state: FaqState.DRAFT,
      history: [{ action: 'create', state: FaqState.DRAFT, by, at: now }],
      lastEditedBy: by,
      lastEditedAt: now,
    });
    return this.staffView(this.open(created.toObject() as LeanFaqEntry), lang);
  }

  /**
   * Merges texts per language and changes topic, tags or fallbacks; guarded by the entry's
   * version (a concurrent change makes it try again on the new state). An entry in review or
   * published must stay free of personal data after the edit.
   */
  async update(input: UpdateFaqEntryInput, staff: AuthUser, lang: Language) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.find(input.entryId);
      if (current.state === FaqState.ARCHIVED)
        throw new DomainException(ErrorCode.FAQ_ENTRY_NOT_EDITABLE);
      const now = new Date();
      const base = current.baseLanguage;
      const next: Opened = {
        ...current,
        question: input.question
          ? this.merge(current.question, input.question, base, now, 'question', false)
          : current.question,
        answer: input.answer
          ? this.merge(current.answer, input.answer, base, now, 'answer', false)
          : current.answer,
        topic: input.topic ?? current.topic,
        tags: input.tags ?? current.tags,
        fallbackLanguages: input.fallbackLanguages
          ? input.fallbackLanguages.filter((l) => l !== base)
          : current.fallbackLanguages,
      };
      if (current.state !== FaqState.DRAFT) this.assertPublishable(next, lang);
      const by = new Types.ObjectId(staff.id);
      const updated = await this.entries
        .findOneAndUpdate(
          { _id: current._id, state: current.state, version: current.version },
          {
            $set: {
              question: this.seal(next.question),
              answer: this.seal(next.answer),
              topic: next.topic,
              tags: next.tags,
              fallbackLanguages: next.fallbackLanguages,
              availableLanguages: this.available(next),
              searchTokens: current.state === FaqState.PUBLISHED ? this.tokens(next) : [],
              lastEditedBy: by,
              lastEditedAt: now,
            },
            $push: { history: { action: 'edit', state: current.state, by, at: now } },
            $inc: { version: 1 },
          },
          { returnDocument: 'after' },
        )
        .lean<LeanFaqEntry>()
        .exec();
      if (updated) return this.staffView(this.open(updated), lang);
    }
    throw new DomainException(ErrorCode.EDIT_CONFLICT);
  }

  /**
   * DRAFT → IN_REVIEW (the author confirms the personal details are gone; the detector agrees)
   * → PUBLISHED (by someone other than the last editor) → ARCHIVED; IN_REVIEW may go back to
   * DRAFT. The write is conditional on the state and version it was decided on.
   */
  async changeState(input: ChangeFaqEntryStateInput, staff: AuthUser, lang: Language) {
    const current = await this.find(input.entryId);
    const to = input.to;
    if (!FAQ_TRANSITIONS[current.state].includes(to))
      throw new DomainException(ErrorCode.FAQ_TRANSITION_NOT_ALLOWED, {
        from: current.state,
        to,
      });
    const now = new Date();
    const set: Record<string, unknown> = { state: to };
    if (to === FaqState.IN_REVIEW) {
      if (input.personalDetailsRemoved !== true)
        throw new DomainException(ErrorCode.FAQ_PERSONAL_DETAILS_NOT_CONFIRMED, {}, [
          { field: 'personalDetailsRemoved', constraint: 'mustBeTrue' },
        ]);
      this.assertPublishable(current, lang);
      set.personalDetailsConfirmedAt = now;
    }
    if (to === FaqState.PUBLISHED) {
      if (current.lastEditedBy.equals(staff.id))
        throw new DomainException(ErrorCode.FAQ_SAME_EDITOR_AND_REVIEWER);
      this.assertPublishable(current, lang);
      set.publishedAt = now;
      set.searchTokens = this.tokens(current);
    } else {
      set.searchTokens = [];
    }
    const updated = await this.entries
      .findOneAndUpdate(
        { _id: current._id, state: current.state, version: current.version },
        {
          $set: set,
          $push: {
            history: {
              action: ACTION_TO[to],
              state: to,
              by: new Types.ObjectId(staff.id),
              at: now,
            },
          },
          $inc: { version: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanFaqEntry>()
      .exec();
    if (!updated) throw new DomainException(ErrorCode.EDIT_CONFLICT);
    return this.staffView(this.open(updated), lang);
  }

  // ---------------------------------------------------------------- staff reads

  async staffEntry(id: string, lang: Language): Promise<StaffFaqEntry> {
    return this.staffView(await this.find(id), lang);
  }

  async staffList(args: StaffFaqEntriesArgs, lang: Language): Promise<Connection<StaffFaqEntry>> {
    const filter: QueryFilter<FaqEntry> = {};
    if (args.state) filter.state = args.state;
    if (args.topic) filter.topic = args.topic;
    return this.page(filter, args, (e) => this.staffView(this.open(e), lang));
  }

  /** Every question or answer MISSING or OUTDATED in `lang`, of the entries not archived. */
  async translationGaps(lang: Language): Promise<FaqTranslationGap[]> {
    const rows = await this.entries
      .find(
        { state: trusted({ $ne: FaqState.ARCHIVED }) },
        { question: 1, answer: 1, baseLanguage: 1, state: 1 },
      )
      .sort({ _id: 1 })
      .limit(2000)
      .lean<Pick<LeanFaqEntry, '_id' | 'question' | 'answer' | 'baseLanguage' | 'state'>[]>()
      .exec();
    const gaps: FaqTranslationGap[] = [];
    for (const e of rows) {
      if (e.baseLanguage === lang) continue;
      for (const field of FIELDS) {
        const state = translationState(e[field], lang);
        if (state !== TranslationState.UP_TO_DATE)
          gaps.push({ entryId: e._id.toHexString(), entryState: e.state, field, state });
      }
    }
    return gaps;
  }

  // ---------------------------------------------------------------- public reads

  async publicEntry(id: string, lang: Language): Promise<FaqEntryModel> {
    const found = await this.entries
      .findOne({ _id: new Types.ObjectId(id), state: FaqState.PUBLISHED }, { searchTokens: 0 })
      .lean<LeanFaqEntry>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.publicView(this.open(found), lang);
  }

  /** Published entries; each search word must start a word the reader of `lang` sees. */
  async publicList(args: FaqEntriesArgs, lang: Language): Promise<Connection<FaqEntryModel>> {
    const filter: QueryFilter<FaqEntry> = { state: FaqState.PUBLISHED };
    if (args.topic) filter.topic = args.topic;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      filter.$and = words.map((word) => ({
        // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
        searchTokens: trusted({ $regex: `^${lang}:${word}` }),
      }));
    return this.page(filter, args, (e) => this.publicView(this.open(e), lang));
  }

  /**
   * The published entries that best match a question being written, in its language: scored by
   * how many of its meaningful words (crudely stemmed) they contain. The text is only read here:
   * never stored or logged.
   */
  async suggestions(args: FaqSuggestionsArgs): Promise<FaqSuggestion[]> {
    const lang = args.language;
    const stems = suggestionStems(args.text, lang);
    if (stems.length === 0) return [];
    const filter: QueryFilter<FaqEntry> = {
      state: FaqState.PUBLISHED,
      $or: stems.map((stem) => ({ searchTokens: trusted({ $regex: `^${lang}:${stem}` }) })),
    };
    if (args.topic) filter.topic = args.topic;
    const candidates = await this.entries
      .find(filter)
      .sort({ _id: -1 })
      .limit(200)
      .lean<LeanFaqEntry[]>()
      .exec();
    return candidates
      .map((entry) => ({ entry, score: suggestionScore(stems, entry.searchTokens, lang) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, args.first)
      .map(({ entry, score }) => ({ entry: this.publicView(this.open(entry), lang), score }));
  }

  // ---------------------------------------------------------------- rules

  /** Validates entries (one per language, no raw HTML) and merges them into the field. */
  private merge(
    existing: LocalizedField | undefined,
    entries: TextEntry[],
    base: Language,
    now: Date,
    field: FaqField,
    requireBase: boolean,
  ): LocalizedField {
    return mergeTranslations(
      existing,
      entries,
      base,
      now,
      field,
      requireBase ? ErrorCode.FAQ_BASE_TEXT_REQUIRED : undefined,
    );
  }

  /**
   * What may go to review or to the public: question and answer in the base language, no raw
   * HTML, and nothing the detector takes for personal data, in any language. The message lists
   * each field and language with what was found, in the reader's language.
   */
  private assertPublishable(entry: Opened, lang: Language) {
    const base = entry.baseLanguage;
    const missing = FIELDS.filter((f) => !entry[f][base]);
    if (missing.length > 0)
      throw new DomainException(
        ErrorCode.FAQ_BASE_TEXT_REQUIRED,
        { base },
        missing.map((field) => ({ field: `${field}.${base}`, constraint: 'baseLanguageRequired' })),
      );
    const html: FieldProblem[] = [];
    const found: { field: FaqField; language: Language; kinds: PersonalDataKind[] }[] = [];
    for (const field of FIELDS)
      for (const language of LANGUAGES) {
        const text = entry[field][language]?.text;
        if (!text) continue;
        if (containsRawHtml(text))
          html.push({ field: `${field}.${language}`, constraint: 'noRawHtml' });
        const kinds = findPersonalData(text);
        if (kinds.length > 0) found.push({ field, language, kinds });
      }
    if (html.length > 0) throw new DomainException(ErrorCode.RAW_HTML_NOT_ALLOWED, {}, html);
    if (found.length === 0) return;
    const t = this.i18n.t(lang);
    throw new DomainException(
      ErrorCode.FAQ_PERSONAL_DATA,
      {
        problems: found
          .map((p) =>
            t('infoPoint:faq.problem', {
              field: t(`infoPoint:faq.field.${p.field}`),
              language: p.language,
              kinds: p.kinds.map((k) => t(`infoPoint:faq.personalData.${k}`)).join(', '),
            }),
          )
          .join('; '),
      },
      found.flatMap((p) =>
        p.kinds.map((kind) => ({ field: `${p.field}.${p.language}`, constraint: kind })),
      ),
    );
  }

  private policy(e: Pick<FaqEntry, 'baseLanguage' | 'fallbackLanguages'>): LanguagePolicy {
    return { base: e.baseLanguage, fallbacks: e.fallbackLanguages ?? [] };
  }

  private available(e: Pick<FaqEntry, 'question' | 'answer'>): Language[] {
    return LANGUAGES.filter((l) => e.question[l] && e.answer[l]);
  }

  /** What a reader of each language sees (fallbacks included), as `<reader>:<word>` tokens. */
  private tokens(e: Opened): string[] {
    const policy = this.policy(e);
    return LANGUAGES.flatMap((reader) =>
      languageTokens(reader, [
        resolveLocalized(e.question, reader, policy),
        resolveLocalized(e.answer, reader, policy),
        ...e.tags.map((text) => ({ text, language: reader })),
      ]),
    );
  }

  // ---------------------------------------------------------------- storage

  private async find(id: string): Promise<Opened> {
    const found = await this.entries
      .findById(new Types.ObjectId(id), { searchTokens: 0 })
      .lean<LeanFaqEntry>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.open(found);
  }

  private seal(field: LocalizedField): LocalizedField {
    return this.mapTexts(field, (text) => this.crypto.encrypt(text, TEXT));
  }

  private open(e: LeanFaqEntry): Opened {
    const decrypt = (text: string) => this.crypto.decrypt(text, TEXT);
    return {
      ...e,
      question: this.mapTexts(e.question, decrypt),
      answer: this.mapTexts(e.answer, decrypt),
    };
  }

  private mapTexts(field: LocalizedField, map: (text: string) => string): LocalizedField {
    const out: LocalizedField = { baseVersion: field.baseVersion };
    for (const lang of LANGUAGES) {
      const translation = field[lang];
      if (translation) out[lang] = { ...translation, text: map(translation.text) };
    }
    return out;
  }

  private async page<T>(
    filter: QueryFilter<FaqEntry>,
    args: { first: number; after?: string },
    map: (row: LeanFaqEntry) => T,
  ): Promise<Connection<T>> {
    const page: QueryFilter<FaqEntry> = { ...filter };
    if (args.after) page._id = trusted({ $gt: new Types.ObjectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.entries
        .find(page, { searchTokens: 0 })
        .sort({ _id: 1 })
        .limit(args.first + 1)
        .lean<LeanFaqEntry[]>()
        .exec(),
      this.entries.countDocuments(filter).exec(),
    ]);
    return toConnection(rows, args.first, totalCount, map, (row) => ({
      v: 0,
      id: row._id.toHexString(),
    }));
  }

  // ---------------------------------------------------------------- views

  private publicView(e: Opened, lang: Language): FaqEntryModel {
    const policy = this.policy(e);
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

  private staffView(e: Opened, lang: Language): StaffFaqEntry {
    return {
      ...this.publicView(e, lang),
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
}
