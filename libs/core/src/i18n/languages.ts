export const LANGUAGES = ['pl', 'uk', 'be', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'pl';

/** Country codes people type instead of language codes. */
const ALIASES: Record<string, Language> = { ua: 'uk', by: 'be' };

/**
 * Maps a BCP 47 tag or a common alias to one of our languages: `uk-UA` → uk, `UA` → uk,
 * `by` → be, `be-tarask` → be. Anything else is undefined.
 */
export function normalizeLanguage(input: string | null | undefined): Language | undefined {
  if (typeof input !== 'string') return undefined;
  const primary = input.trim().toLowerCase().replace('_', '-').split('-')[0];
  if ((LANGUAGES as readonly string[]).includes(primary)) return primary as Language;
  return ALIASES[primary];
}

/** Parses an Accept-Language header by q-value and returns the best language we serve. */
export function pickFromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    const lang = normalizeLanguage(r.tag);
    if (lang) return lang;
  }
  return undefined;
}

/** The language of a request: explicit choice, then the user's preference, then the header, then Polish. */
export function resolveRequestLanguage(sources: {
  explicit?: string | null;
  userPreference?: string | null;
  acceptLanguage?: string;
}): Language {
  return (
    normalizeLanguage(sources.explicit) ??
    normalizeLanguage(sources.userPreference) ??
    pickFromAcceptLanguage(sources.acceptLanguage) ??
    DEFAULT_LANGUAGE
  );
}
