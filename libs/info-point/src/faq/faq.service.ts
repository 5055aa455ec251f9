import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueryFilter, trusted, Types } from 'mongoose';
import {
  Connection,
  DomainException,
  ErrorCode,
  Language,
  queryWords,
  TranslationState,
  translationState,
} from '@sasiad/core';
import { FaqEntriesArgs, FaqSuggestionsArgs, StaffFaqEntriesArgs } from './dto/faq.inputs';
import { FaqCache } from './faq-cache';
import { FaqEntry, FaqState } from './faq-entry.schema';
import { FAQ_FIELDS } from './faq-rules';
import { FaqStore } from './faq-store.service';
import { publicView, staffView } from './faq-views';
import { FaqEntryModel, FaqSuggestion, FaqTranslationGap, StaffFaqEntry } from './models/faq.model';
import { suggestionScore, suggestionStems } from './suggestions';

/**
 * Reading the public FAQ of the information point: entries published per language with the
 * academy's translation states, searched and suggested to askers in their language; and the
 * staff's lists. Writing is FaqAuthoringService.
 */
@Injectable()
export class FaqService {
  constructor(
    private readonly store: FaqStore,
    private readonly cache: FaqCache,
  ) {}

  // ---------------------------------------------------------------- staff reads

  async staffEntry(id: string, lang: Language): Promise<StaffFaqEntry> {
    return staffView(await this.store.find(id), lang);
  }

  async staffList(args: StaffFaqEntriesArgs, lang: Language): Promise<Connection<StaffFaqEntry>> {
    const filter: QueryFilter<FaqEntry> = {};
    if (args.state) filter.state = args.state;
    if (args.topic) filter.topic = args.topic;
    return this.store.page(filter, args, (e) => staffView(e, lang));
  }

  /** Every question or answer MISSING or OUTDATED in `lang`, of the entries not archived. */
  async translationGaps(lang: Language): Promise<FaqTranslationGap[]> {
    const rows = await this.store.states({ state: trusted({ $ne: FaqState.ARCHIVED }) }, 2000);
    const gaps: FaqTranslationGap[] = [];
    for (const e of rows) {
      if (e.baseLanguage === lang) continue;
      for (const field of FAQ_FIELDS) {
        const state = translationState(e[field], lang);
        if (state !== TranslationState.UP_TO_DATE)
          gaps.push({ entryId: e._id.toHexString(), entryState: e.state, field, state });
      }
    }
    return gaps;
  }

  // ---------------------------------------------------------------- public reads

  /** A published entry, cached per language (`request`: the request's scope for the cache). */
  async publicEntry(id: string, lang: Language, request?: object): Promise<FaqEntryModel> {
    const view = await this.cache.read(
      `entry:${lang}:${id}`,
      async () => {
        const found = await this.store.findOne({
          _id: new Types.ObjectId(id),
          state: FaqState.PUBLISHED,
        });
        return found ? publicView(found, lang) : null;
      },
      request,
    );
    if (!view) throw new DomainException(ErrorCode.NOT_FOUND);
    return view;
  }

  /**
   * Published entries; each search word must start a word the reader of `lang` sees. Pages are
   * cached per language, topic and search words in any order (so that a burst of writes does not
   * make every reader's search wait for the store); the key holds a hash of the words, not the
   * words, and the cache lives in the process's memory only.
   */
  async publicList(
    args: FaqEntriesArgs,
    lang: Language,
    request?: object,
  ): Promise<Connection<FaqEntryModel>> {
    const words = args.search ? [...new Set(queryWords(args.search, lang))].sort() : [];
    const key = JSON.stringify([
      'list',
      lang,
      args.first,
      args.after ?? null,
      args.topic ?? null,
      words.length > 0 ? createHash('sha256').update(words.join(' ')).digest('base64url') : null,
    ]);
    return this.cache.read(key, () => this.listPublished(args, lang), request);
  }

  private listPublished(args: FaqEntriesArgs, lang: Language): Promise<Connection<FaqEntryModel>> {
    const filter: QueryFilter<FaqEntry> = { state: FaqState.PUBLISHED };
    if (args.topic) filter.topic = args.topic;
    const words = args.search ? queryWords(args.search, lang) : [];
    if (words.length > 0)
      filter.$and = words.map((word) => ({
        // words are [\p{L}\p{N}]+ after normalisation: nothing to escape in the pattern
        searchTokens: trusted({ $regex: `^${lang}:${word}` }),
      }));
    return this.store.page(filter, args, (e) => publicView(e, lang));
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
    const candidates = await this.store.candidates(filter, 200);
    return candidates
      .map((entry) => ({ entry, score: suggestionScore(stems, entry.searchTokens, lang) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, args.first)
      .map(({ entry, score }) => ({ entry: publicView(entry, lang), score }));
  }
}
