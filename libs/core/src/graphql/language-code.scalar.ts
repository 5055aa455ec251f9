import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Language, LANGUAGES, normalizeLanguage } from '../i18n/languages';

function parse(value: unknown): Language {
  const lang = typeof value === 'string' ? normalizeLanguage(value) : undefined;
  if (!lang) {
    throw new GraphQLError(
      `LanguageCode must be one of ${LANGUAGES.join(', ')} (aliases: ua, by)`,
      {
        extensions: { code: 'UNSUPPORTED_LANGUAGE' },
      },
    );
  }
  return lang;
}

/**
 * A language we serve, as a BCP 47 code: pl, uk, be, ru. Input also accepts regional tags
 * (uk-UA) and the country codes people type (ua → uk, by → be); output is always canonical.
 */
export const LanguageCodeScalar = new GraphQLScalarType({
  name: 'LanguageCode',
  description:
    'One of pl, uk, be, ru (BCP 47). Input also accepts ua and by, and regional tags such as uk-UA.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('LanguageCode must be a string', {
        extensions: { code: 'UNSUPPORTED_LANGUAGE' },
      });
    return parse(ast.value);
  },
});
