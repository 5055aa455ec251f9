import { i18next } from '../../i18n';
import type { Language } from '../../lib/language';

/** The console's texts, kept out of the learners' download (see vite.config.ts). */
const LOADERS: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  pl: () => import('../../../../../i18n/pl/web.json?staff'),
  uk: () => import('../../../../../i18n/uk/web.json?staff'),
  be: () => import('../../../../../i18n/be/web.json?staff'),
  ru: () => import('../../../../../i18n/ru/web.json?staff'),
};

const loaded = new Set<Language>();

export const staffTextsLoaded = (lang: Language) => loaded.has(lang);

export async function loadStaffTexts(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  i18next.addResourceBundle(lang, 'web', (await LOADERS[lang]()).default, true, true);
  loaded.add(lang);
}
