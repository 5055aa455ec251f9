import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import {
  Connection,
  DomainException,
  ErrorCode,
  FieldEncryption,
  LANGUAGES,
  LocalizedField,
  pageById,
} from '@sasiad/core';
import { FaqEntry, LeanFaqEntry } from './faq-entry.schema';

const TEXT = 'info_point_faq.text';

/**
 * The one code that touches `info_point_faq`: texts are encrypted at rest (a draft's question
 * starts as the asker's own words) and come out of here decrypted; search tokens are never read
 * back except by the suggestions.
 */
@Injectable()
export class FaqStore {
  constructor(
    @InjectModel(FaqEntry.name) private readonly entries: Model<FaqEntry>,
    private readonly crypto: FieldEncryption,
  ) {}

  async find(id: string): Promise<LeanFaqEntry> {
    const found = await this.entries
      .findById(new Types.ObjectId(id), { searchTokens: 0 })
      .lean<LeanFaqEntry>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return this.open(found);
  }

  async findOne(filter: QueryFilter<FaqEntry>): Promise<LeanFaqEntry | null> {
    const found = await this.entries
      .findOne(filter, { searchTokens: 0 })
      .lean<LeanFaqEntry>()
      .exec();
    return found && this.open(found);
  }

  /** Matching entries, search tokens included (for scoring), newest first. */
  async candidates(filter: QueryFilter<FaqEntry>, limit: number): Promise<LeanFaqEntry[]> {
    const rows = await this.entries
      .find(filter)
      .sort({ _id: -1 })
      .limit(limit)
      .lean<LeanFaqEntry[]>()
      .exec();
    return rows.map((e) => this.open(e));
  }

  /** The texts and states of entries, oldest first; texts stay encrypted (states only). */
  async states(
    filter: QueryFilter<FaqEntry>,
    limit: number,
  ): Promise<Pick<LeanFaqEntry, '_id' | 'question' | 'answer' | 'baseLanguage' | 'state'>[]> {
    return this.entries
      .find(filter, { question: 1, answer: 1, baseLanguage: 1, state: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<LeanFaqEntry, '_id' | 'question' | 'answer' | 'baseLanguage' | 'state'>[]>()
      .exec();
  }

  page<T>(
    filter: QueryFilter<FaqEntry>,
    args: { first: number; after?: string },
    map: (row: LeanFaqEntry) => T,
  ): Promise<Connection<T>> {
    return pageById(this.entries, filter, args, {
      order: 'oldest',
      projection: { searchTokens: 0 },
      toNode: (row: LeanFaqEntry) => map(this.open(row)),
    });
  }

  async insert(
    doc: Partial<FaqEntry> & Pick<FaqEntry, 'question' | 'answer'>,
  ): Promise<LeanFaqEntry> {
    const created = await this.entries.create({
      ...doc,
      question: this.seal(doc.question),
      answer: this.seal(doc.answer),
    });
    return this.open(created.toObject() as LeanFaqEntry);
  }

  /**
   * Writes a change only if the entry is still in the state and version it was decided on;
   * null when a concurrent change came first. Texts in `$set` are sealed here.
   */
  async write(current: LeanFaqEntry, update: UpdateQuery<FaqEntry>): Promise<LeanFaqEntry | null> {
    const set = { ...(update.$set as Record<string, unknown>) };
    for (const field of ['question', 'answer'])
      if (set[field]) set[field] = this.seal(set[field] as LocalizedField);
    const updated = await this.entries
      .findOneAndUpdate(
        { _id: current._id, state: current.state, version: current.version },
        { ...update, $set: set, $inc: { version: 1 } },
        { returnDocument: 'after' },
      )
      .lean<LeanFaqEntry>()
      .exec();
    return updated && this.open(updated);
  }

  private seal(field: LocalizedField): LocalizedField {
    return mapTexts(field, (text) => this.crypto.encrypt(text, TEXT));
  }

  private open(e: LeanFaqEntry): LeanFaqEntry {
    const decrypt = (text: string) => this.crypto.decrypt(text, TEXT);
    return { ...e, question: mapTexts(e.question, decrypt), answer: mapTexts(e.answer, decrypt) };
  }
}

function mapTexts(field: LocalizedField, map: (text: string) => string): LocalizedField {
  const out: LocalizedField = { baseVersion: field.baseVersion };
  for (const lang of LANGUAGES) {
    const translation = field[lang];
    if (translation) out[lang] = { ...translation, text: map(translation.text) };
  }
  return out;
}
