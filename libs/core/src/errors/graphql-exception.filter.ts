import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, GqlContextType } from '@nestjs/graphql';
import { ThrottlerException } from '@nestjs/throttler';
import { GraphQLError } from 'graphql';
import { RequestContext } from '../auth/request-context';
import { DomainException } from './domain.exception';
import { ErrorCode } from './error-code';
import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { I18nService } from '../i18n/i18n.service';
import { resolveRequestLanguage } from '../i18n/languages';
import { describeFieldProblems } from '../validation/field-messages';

/** Marks errors already written in the caller's language; removed before the response leaves. */
export const LOCALIZED = 'sasiadLocalized';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * Turns whatever a resolver, guard or pipe threw into a GraphQL error with a stable code and a
 * message in the request's language. Unknown errors are logged with the request id and reach the
 * client only as INTERNAL_SERVER_ERROR.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly i18n: I18nService) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<GqlContextType>() !== 'graphql') return this.catchHttp(exception, host);
    const ctx = GqlArgumentsHost.create(host).getContext<RequestContext>();
    if (exception instanceof GraphQLError) return exception;
    const domain = this.toDomain(exception, ctx);
    const extensions: Record<string, unknown> = { code: domain.code, [LOCALIZED]: true };
    if (domain.code === ErrorCode.BAD_USER_INPUT && domain.fields.length > 0) {
      const described = describeFieldProblems(domain.fields, ctx.t);
      extensions.fields = described.fields;
      extensions.fieldMessages = described.fieldMessages;
      return new GraphQLError(described.message, { extensions });
    }
    if (domain.fields.length > 0) extensions.fields = domain.fields;
    if (domain.code === ErrorCode.RATE_LIMITED || domain.code === ErrorCode.ACCOUNT_LOCKED) {
      if (domain.params.retryAfterSeconds !== undefined)
        extensions.retryAfterSeconds = domain.params.retryAfterSeconds;
    }
    return new GraphQLError(ctx.t(`errors:${domain.code}`, domain.params), { extensions });
  }

  /**
   * Errors before GraphQL runs (a body over the limit, malformed JSON, a wrong media type) are
   * answered in GraphQL's error shape too, with a stable code and a localized message.
   */
  private catchHttp(exception: unknown, host: ArgumentsHost) {
    const request = host.switchToHttp().getRequest<{
      url: string;
      query?: Record<string, unknown>;
      headers: Record<string, string | undefined>;
    }>();
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : (exception as { statusCode?: unknown }).statusCode;
    const isGraphql = request.url.split('?')[0] === GRAPHQL_PATH;
    if (!isGraphql || typeof status !== 'number' || status < 400 || status >= 500) {
      return super.catch(exception, host);
    }
    const lang = resolveRequestLanguage({
      explicit: typeof request.query?.lang === 'string' ? request.query.lang : undefined,
      acceptLanguage: request.headers['accept-language'],
    });
    const code = status === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_REQUEST;
    const body = {
      errors: [{ message: this.i18n.t(lang)(`errors:${code}`), extensions: { code } }],
    };
    this.httpAdapterHost!.httpAdapter.reply(host.switchToHttp().getResponse(), body, status);
  }

  private toDomain(exception: unknown, ctx: RequestContext): DomainException {
    if (exception instanceof DomainException) return exception;
    if (exception instanceof ThrottlerException) return new DomainException(ErrorCode.RATE_LIMITED);
    if (exception instanceof HttpException) {
      const code = STATUS_CODES[exception.getStatus()];
      if (code) return new DomainException(code);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(
        { requestId: ctx.requestId, err: { name: (exception as Error).name } },
        'database unavailable during a request',
      );
      return new DomainException(ErrorCode.SERVICE_UNAVAILABLE);
    }
    this.logger.error(
      {
        requestId: ctx.requestId,
        err:
          exception instanceof Error
            ? { name: exception.name, message: exception.message, stack: exception.stack }
            : String(exception),
      },
      'unexpected error in a resolver',
    );
    return new DomainException(ErrorCode.INTERNAL_SERVER_ERROR);
  }
}

/** The driver's and Mongoose's errors for a database that does not answer (not a refused write). */
const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/** Server codes of a database shutting down or interrupted (the driver retries these too). */
const SHUTDOWN_CODES = new Set([91, 189, 10107, 11600, 11602, 13435, 13436]);

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  if (UNAVAILABLE.has(error.name)) return true;
  const labelled = error as { hasErrorLabel?: (label: string) => boolean; code?: unknown };
  if (labelled.hasErrorLabel?.('ResetPool') || labelled.hasErrorLabel?.('RetryableWriteError'))
    return true;
  if (typeof labelled.code === 'number' && SHUTDOWN_CODES.has(labelled.code)) return true;
  if (isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1)) return true;
  // an insertMany cut by a lost connection: the driver wraps the network error, copying its fields
  if (error.name === 'MongoBulkWriteError' && 'beforeHandshake' in error) return true;
  // Mongoose, when its connection is down, queues commands and gives up with this message
  return error.name === 'MongooseError' && /buffering timed out/.test(error.message);
}
