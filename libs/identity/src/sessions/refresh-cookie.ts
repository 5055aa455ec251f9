import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser sessions: the refresh token travels only in an HttpOnly cookie scoped to the refresh
 * routes, never in a response body a script could read. A client asks for this mode with the
 * request header `x-sasiad-refresh: cookie` on signUp, signIn and changePassword, then refreshes
 * and signs out with `POST /auth/refresh` and `POST /auth/sign-out` (same header).
 */
export const REFRESH_COOKIE = 'sasiad_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
export const REFRESH_MODE_HEADER = 'x-sasiad-refresh';

/** True when the request asked for the cookie mode. */
export function wantsRefreshCookie(req: unknown): boolean {
  const headers = (req as FastifyRequest | undefined)?.headers;
  return headers?.[REFRESH_MODE_HEADER] === 'cookie';
}

export function refreshCookieOf(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      // Our tokens are base64url; anything else is not ours.
      return /^[A-Za-z0-9_.-]{1,512}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function cookie(value: string, maxAgeSeconds: number): string {
  return [
    `${REFRESH_COOKIE}=${value}`,
    `Path=${REFRESH_COOKIE_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'Secure',
    'SameSite=Strict',
  ].join('; ');
}

export function setRefreshCookie(res: unknown, token: string, expiresAt: Date): void {
  (res as FastifyReply).header(
    'set-cookie',
    cookie(token, (expiresAt.getTime() - Date.now()) / 1000),
  );
}

export function clearRefreshCookie(res: unknown): void {
  (res as FastifyReply).header('set-cookie', cookie('', 0));
}
