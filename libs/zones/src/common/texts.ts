import { Model, QueryFilter, Types, UpdateQuery } from 'mongoose';
import {
  asLocalizedField,
  DEFAULT_LANGUAGE,
  ErrorCode,
  Language,
  LocalizedField,
  mergeTranslations,
  PlainTranslations,
  ResolvedText,
  resolveLocalized,
  TextEntry,
} from '@sasiad/core';

/**
 * Zones' texts (titles, descriptions, labels of forms, criteria and seat groups) are core's
 * versioned LocalizedField. Texts written before versioning (`{ pl, uk?, … }`) are still read
 * (as version 1, see asLocalizedField) until the start-up backfill has rewritten them
 * (texts-backfill.service.ts).
 */
export type StoredText = LocalizedField | PlainTranslations;

/** The base language of a call or event: Polish unless its author chose another one. */
export function baseOf(doc: { baseLanguage?: Language | null }): Language {
  return doc.baseLanguage ?? DEFAULT_LANGUAGE;
}

/** When a plain text was last written: the document's last change. */
export function writtenAt(doc: { updatedAt?: Date; createdAt?: Date }): Date {
  return doc.updatedAt ?? doc.createdAt ?? new Date(0);
}

/**
 * The text in the reader's language, else the base language (flagged). Never from be/uk to ru:
 * zones' texts list no further fallbacks.
 */
export function readText(
  stored: StoredText | null | undefined,
  doc: { baseLanguage?: Language | null; updatedAt?: Date; createdAt?: Date },
  lang: Language,
): ResolvedText {
  return resolveLocalized(asLocalizedField(stored, writtenAt(doc)), lang, {
    base: baseOf(doc),
    fallbacks: [],
  });
}

/**
 * Merges the entries a client sent into a stored text (one entry per language, no raw HTML; the
 * base language must end up present, else BAD_USER_INPUT naming `field`). A base text that
 * changed makes the other languages OUTDATED until they are written again.
 */
export function writeText(
  existing: StoredText | null | undefined,
  entries: TextEntry[],
  base: Language,
  now: Date,
  field: string,
): LocalizedField {
  return mergeTranslations(
    asLocalizedField(existing, now),
    entries,
    base,
    now,
    field,
    ErrorCode.BAD_USER_INPUT,
  );
}

/**
 * Marks a call or event whose texts are all LocalizedField (set on creation and by the
 * backfill): the start-up backfill looks only at documents without it.
 */
export const TEXTS_VERSION = 2;

/**
 * Rewrites, one document at a time, the plain texts of documents without `textsVersion` as
 * LocalizedField (`convert`, pure and idempotent: a text already versioned stays as it is).
 * Without transactions each write is conditional on the document being unchanged since it was
 * read (`updatedAt`), and leaves `updatedAt` alone; a document changed meanwhile is read again
 * in the next round (at most three). Safe to run at every start and on several instances at
 * once: the read path accepts both shapes, so a document not yet rewritten still reads right.
 * Returns how many documents were rewritten.
 */
export async function backfillTexts<T extends { updatedAt?: Date }>(
  model: Model<T>,
  convert: (doc: T & { _id: Types.ObjectId }) => Record<string, unknown>,
): Promise<number> {
  let rewritten = 0;
  for (let round = 0; round < 3; round++) {
    const legacy = await model
      .find({ textsVersion: null } as QueryFilter<T>)
      .lean<(T & { _id: Types.ObjectId })[]>()
      .exec();
    if (legacy.length === 0) break;
    for (const doc of legacy) {
      const result = await model
        .updateOne(
          { _id: doc._id, textsVersion: null, updatedAt: doc.updatedAt ?? null } as QueryFilter<T>,
          { $set: { ...convert(doc), textsVersion: TEXTS_VERSION } } as UpdateQuery<T>,
          { timestamps: false },
        )
        .exec();
      rewritten += result.modifiedCount;
    }
  }
  return rewritten;
}
