import type { GraphQLFormattedError } from 'graphql';
import type { TFunction } from 'i18next';
import { ErrorCode } from './error-code';
import { LOCALIZED } from './graphql-exception.filter';

const KNOWN = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo's formatError: every error leaves with a known code and a message in the request's
 * language. Errors Apollo raised itself (parse, validation, variable coercion, CSRF) keep their
 * technical English text in `extensions.detail` for developers; nothing else internal leaks.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  t: TFunction,
  exposeDetail: boolean,
  /** For errors that arrive without a code: graphql-ws reports validation errors bare. */
  fallbackCode: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR,
): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  if (extensions[LOCALIZED]) {
    delete extensions[LOCALIZED];
    return { ...formatted, extensions };
  }
  let code =
    typeof extensions.code === 'string' && KNOWN.has(extensions.code)
      ? extensions.code
      : fallbackCode;
  const domainCode = codeFromCause(error);
  if (domainCode) code = domainCode;
  else if (isComplexityRejection(formatted.message)) code = ErrorCode.QUERY_TOO_COMPLEX;
  else if (isLanguageRejection(formatted.message)) code = ErrorCode.UNSUPPORTED_LANGUAGE;
  else if (formatted.message.startsWith('Syntax Error:')) code = ErrorCode.GRAPHQL_PARSE_FAILED;
  const isInternal = code === ErrorCode.INTERNAL_SERVER_ERROR;
  const result: Record<string, unknown> = { code };
  if (!isInternal && (exposeDetail || code !== ErrorCode.BAD_REQUEST))
    result.detail = formatted.message;
  return {
    message: t(`errors:${code}`),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: result,
  };
}

/** graphql-armor reports its limits as validation errors; give them a code of their own. */
function isComplexityRejection(message: string): boolean {
  return /(Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit) of \d+ exceeded/i.test(
    message,
  );
}

/** graphql-js refusing a value of the `Language` enum, inline or in a variable. */
function isLanguageRejection(message: string): boolean {
  return /"Language" enum\.|Enum "Language" cannot represent/.test(message);
}

/**
 * A scalar that refuses a value (e.g. Language) throws an error with our own code; graphql-js
 * and Apollo wrap it as a validation or coercion error. Find the code under the wrapping.
 */
function codeFromCause(error: unknown): ErrorCode | undefined {
  let current = error as { originalError?: unknown; extensions?: { code?: unknown } } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = current.extensions?.code;
    if (depth > 0 && typeof code === 'string' && DOMAIN_CODES.has(code)) return code as ErrorCode;
    current = current.originalError as typeof current;
  }
  return undefined;
}

const DOMAIN_CODES = new Set<string>([ErrorCode.UNSUPPORTED_LANGUAGE]);
