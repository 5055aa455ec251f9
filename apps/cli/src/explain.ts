import type { INestApplicationContext } from '@nestjs/common';
import {
  DEFAULT_LANGUAGE,
  describeFieldProblems,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  normalizeLanguage,
} from '@sasiad/core';

/** The language of the command line's explanations: LC_ALL, LC_MESSAGES or LANG (`uk_UA.UTF-8`). */
export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const lang = normalizeLanguage(env[name]);
    if (lang) return lang;
  }
  return DEFAULT_LANGUAGE;
}

/** A refusal of the services in words, in the command line's language. */
export function explain(app: INestApplicationContext, error: DomainException): string {
  const t = app.get(I18nService).t(cliLanguage());
  if (error.code === ErrorCode.BAD_USER_INPUT && error.fields.length > 0)
    return describeFieldProblems(error.fields, t).message;
  return t(`errors:${error.code}`, error.params);
}
