import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AUTHENTICATOR, AuthResult, Authenticator } from '../auth/auth-user';
import { RequestContext } from '../auth/request-context';
import { I18nService } from '../i18n/i18n.service';
import { resolveRequestLanguage } from '../i18n/languages';
import { requestIdOf, requestScope } from '../i18n/request-scope';
import { LoaderRegistry } from './loader-registry';

function bearer(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return m?.[1];
}

/** Builds the context of each GraphQL request and each subscription connection. */
@Injectable()
export class GraphqlContextFactory {
  constructor(
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly i18n: I18nService,
  ) {}

  async forHttp(req: FastifyRequest, res: FastifyReply): Promise<RequestContext> {
    const auth = await this.authenticate(bearer(req.headers.authorization));
    const lang = resolveRequestLanguage({
      explicit:
        typeof (req.query as Record<string, unknown> | undefined)?.lang === 'string'
          ? (req.query as Record<string, string>).lang
          : undefined,
      userPreference: auth?.user?.preferredLanguage,
      acceptLanguage: req.headers['accept-language'],
    });
    const scope = requestScope.getStore();
    if (scope) scope.lang = lang;
    return this.build({
      requestId: requestIdOf(req),
      transport: 'http',
      auth,
      lang,
      clientIp: req.ip,
      req,
      res,
    });
  }

  /** graphql-ws: the token and language come in the connection_init payload. */
  async forWebSocket(
    connectionParams: Record<string, unknown> | undefined,
    request?: { socket?: { remoteAddress?: string }; headers?: Record<string, unknown> },
  ): Promise<RequestContext> {
    const params = connectionParams ?? {};
    const auth = await this.authenticate(bearer(params.authorization ?? params.Authorization));
    const lang = resolveRequestLanguage({
      explicit: typeof params.lang === 'string' ? params.lang : undefined,
      userPreference: auth?.user?.preferredLanguage,
      acceptLanguage:
        typeof request?.headers?.['accept-language'] === 'string'
          ? request.headers['accept-language']
          : undefined,
    });
    return this.build({
      requestId: randomUUID(),
      transport: 'ws',
      auth,
      lang,
      clientIp: request?.socket?.remoteAddress ?? 'unknown',
    });
  }

  private async authenticate(token: string | undefined): Promise<AuthResult | undefined> {
    return token ? this.authenticator.authenticate(token) : undefined;
  }

  private build(parts: {
    requestId: string;
    transport: 'http' | 'ws';
    auth?: AuthResult;
    lang: RequestContext['lang'];
    clientIp: string;
    req?: unknown;
    res?: unknown;
  }): RequestContext {
    const { auth, ...rest } = parts;
    return {
      ...rest,
      user: auth?.user ?? null,
      authProblem: auth && !auth.user ? auth.problem : undefined,
      t: this.i18n.t(parts.lang),
      loaders: new LoaderRegistry(),
    };
  }
}
