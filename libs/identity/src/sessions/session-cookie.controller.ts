import { Controller, HttpCode, Post, Req, Res, SetMetadata } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_RATE_LIMIT, DomainException, Public, REFRESH_RATE_LIMIT } from '@sasiad/core';
import { AuthService } from './auth.service';
import {
  REFRESH_MODE_HEADER,
  clearRefreshCookie,
  refreshCookieOf,
  setRefreshCookie,
  wantsRefreshCookie,
} from './refresh-cookie';

/**
 * The cookie mode of refreshSession and signOut for browsers. The custom header is required
 * (a cross-site form cannot send it and a cross-site fetch with it needs a CORS preflight that
 * fails), on top of SameSite=Strict.
 */
@Controller('auth')
export class SessionCookieController {
  constructor(private readonly auth: AuthService) {}

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @SetMetadata(REFRESH_RATE_LIMIT, true)
  async refresh(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (!wantsRefreshCookie(req)) return missingHeader(reply);
    const token = refreshCookieOf(req);
    if (!token) return reply.code(401).send({ code: 'INVALID_REFRESH_TOKEN' });
    try {
      const session = await this.auth.refresh(token);
      setRefreshCookie(reply, session.refreshToken, session.refreshTokenExpiresAt);
      return reply.header('cache-control', 'no-store').send({
        accessToken: session.accessToken,
        accessTokenExpiresIn: session.accessTokenExpiresIn,
      });
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      clearRefreshCookie(reply);
      return reply.code(401).send({ code: error.code });
    }
  }

  @Post('sign-out')
  @HttpCode(204)
  @Public()
  @SetMetadata(AUTH_RATE_LIMIT, true)
  async signOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    if (!wantsRefreshCookie(req)) return missingHeader(reply);
    const token = refreshCookieOf(req);
    if (token) await this.auth.signOut(token);
    clearRefreshCookie(reply);
    return reply.code(204).send();
  }
}

function missingHeader(reply: FastifyReply) {
  return reply.code(400).send({ code: 'BAD_REQUEST', detail: `${REFRESH_MODE_HEADER}: cookie` });
}
