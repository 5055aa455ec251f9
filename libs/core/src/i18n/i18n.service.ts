import { Injectable } from '@nestjs/common';
import i18next, { i18n, TFunction } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { repoRoot } from '../paths';
import { DEFAULT_LANGUAGE, Language, LANGUAGES } from './languages';

export type Resources = Record<Language, Record<string, Record<string, unknown>>>;

/** Reads `i18n/<lang>/<namespace>.json` for every language we serve. */
export function loadResources(dir = join(repoRoot(), 'i18n')): Resources {
  const resources = {} as Resources;
  for (const lang of LANGUAGES) {
    resources[lang] = {};
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.json'))) {
      resources[lang][basename(file, '.json')] = JSON.parse(
        readFileSync(join(dir, lang, file), 'utf8'),
      );
    }
  }
  return resources;
}

/**
 * One i18next instance for the process, never switched per request: each request gets its own
 * fixed translation function from `t(lang)`. Plurals follow CLDR through Intl.PluralRules.
 */
@Injectable()
export class I18nService {
  private readonly instance: i18n;
  private readonly fixed = new Map<Language, TFunction>();

  constructor() {
    const resources = loadResources();
    this.instance = i18next.createInstance();
    void this.instance.init({
      resources,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      ns: Object.keys(resources[DEFAULT_LANGUAGE]),
      defaultNS: 'errors',
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    for (const lang of LANGUAGES) this.fixed.set(lang, this.instance.getFixedT(lang));
  }

  t(lang: Language): TFunction {
    return this.fixed.get(lang)!;
  }
}
