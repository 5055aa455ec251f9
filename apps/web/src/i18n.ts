import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from './lib/language';

/** Only the reader's language is downloaded; the four files live in i18n/<lang>/web.json. */
const LOADERS: Record<Language, () => Promise<{ default: Record<string, string> }>> = {
  pl: () => import('../../../i18n/pl/web.json'),
  uk: () => import('../../../i18n/uk/web.json'),
  be: () => import('../../../i18n/be/web.json'),
  ru: () => import('../../../i18n/ru/web.json'),
};

export async function loadLanguage(lang: Language): Promise<void> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: lang,
      fallbackLng: false,
      ns: ['web'],
      defaultNS: 'web',
      // flat keys ("academy.enrol"), as the completeness test compares top-level keys
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      resources: {},
      react: { useSuspense: false },
    });
  }
  if (!i18next.hasResourceBundle(lang, 'web')) {
    i18next.addResourceBundle(lang, 'web', (await LOADERS[lang]()).default);
  }
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export { i18next };
