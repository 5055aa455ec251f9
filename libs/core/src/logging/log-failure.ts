import { Logger } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';

/**
 * The one shape of an error log line: what failed (`what`), the error's class name and, for a
 * domain error, its stable code, plus the non-personal context given. Never the message or the
 * payload, which may carry personal data.
 */
export function logFailure(
  logger: Logger,
  what: string,
  error: unknown,
  context: Record<string, string | number | boolean> = {},
): void {
  logger.error(
    {
      ...context,
      err: error instanceof Error ? error.name : typeof error,
      ...(error instanceof DomainException ? { code: error.code } : {}),
    },
    `${what} failed`,
  );
}
