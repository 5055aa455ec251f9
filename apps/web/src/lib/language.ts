/** The app's languages, in the order the chooser shows them, with each name in its own language. */
export const LANGUAGES = ['uk', 'be', 'pl', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  uk: 'Українська',
  be: 'Беларуская',
  pl: 'Polski',
  ru: 'Русский',
};

const ALIASES: Record<string, Language> = { ua: 'uk', by: 'be' };
const STORAGE_KEY = 'sasiad.language';

/** `uk-UA`, `UA`, `by` → a language we serve, or null. */
export function normalizeLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  const lang = ALIASES[primary] ?? primary;
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : null;
}

export interface LanguageSources {
  /** What the reader chose on this device (remembered). */
  stored?: string | null;
  /** The signed-in account's preference. */
  account?: string | null;
  /** navigator.languages */
  browser?: readonly string[];
}

/**
 * The language to show, and whether to ask first. A choice made on this device wins, then the
 * account's; without either, the chooser opens (issue 11: language chosen on first open) with the
 * browser's first language we serve preselected, else Polish.
 */
export function resolveLanguage(sources: LanguageSources): { language: Language; ask: boolean } {
  const chosen = normalizeLanguage(sources.stored) ?? normalizeLanguage(sources.account);
  if (chosen) return { language: chosen, ask: false };
  for (const tag of sources.browser ?? []) {
    const lang = normalizeLanguage(tag);
    if (lang) return { language: lang, ask: true };
  }
  return { language: 'pl', ask: true };
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this visit
  }
  tellServerLanguage(lang);
}

/**
 * The chosen language in a cookie too, so that the server renders a first page (the Academy
 * catalogue) in it before any script runs. Only the language: nothing else about the reader.
 */
export function tellServerLanguage(lang: Language): void {
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `sasiad_lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
