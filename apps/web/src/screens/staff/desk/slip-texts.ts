import type { TFunction } from 'i18next';
import { i18next } from '../../../i18n';
import type { Language } from '../../../lib/language';

/**
 * The slip is in the person's language, whatever the console's: their texts (`staff.desk.slip.*`,
 * `staff.desk.consent.*` and language names) are loaded into a namespace of their own, so that
 * the app's `web` texts of that language are left as they are (loaded or not).
 */
const NS = 'deskPerson';
const LOADERS: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  pl: () => import('../../../../../../i18n/pl/web.json?staff'),
  uk: () => import('../../../../../../i18n/uk/web.json?staff'),
  be: () => import('../../../../../../i18n/be/web.json?staff'),
  ru: () => import('../../../../../../i18n/ru/web.json?staff'),
};

export async function personTexts(lang: Language): Promise<TFunction> {
  if (!i18next.hasResourceBundle(lang, NS)) {
    const all = (await LOADERS[lang]()).default;
    const mine = Object.entries(all).filter(([key]) => key.startsWith('staff.desk.'));
    i18next.addResourceBundle(lang, NS, Object.fromEntries(mine));
  }
  return i18next.getFixedT(lang, NS);
}
