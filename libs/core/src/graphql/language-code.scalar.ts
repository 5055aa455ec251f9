import { registerEnumType } from '@nestjs/graphql';
import { Language } from '../i18n/languages';

/**
 * The GraphQL enum `Language`: pl, uk, be, ru, written bare (`lang: be`) as every other
 * enum-like argument. The aliases people type (ua, by, uk-UA) are understood where they type
 * them: the `lang` query parameter, `Accept-Language`, the WebSocket `connection_init` payload.
 * A value outside the four is refused with UNSUPPORTED_LANGUAGE (see format-error.ts).
 */
export const LanguageEnum: { [L in Language]: L } = { pl: 'pl', uk: 'uk', be: 'be', ru: 'ru' };

registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'A language Sąsiad speaks (BCP 47): pl, uk, be, ru.',
  valuesMap: {
    pl: { description: 'Polish' },
    uk: { description: 'Ukrainian' },
    be: { description: 'Belarusian' },
    ru: { description: 'Russian' },
  },
});

/**
 * The former name, kept so that `@Field(() => LanguageCodeScalar)` across the contexts needs no
 * edit; it now names the `Language` enum. New code uses `LanguageEnum`.
 */
export const LanguageCodeScalar = LanguageEnum;
