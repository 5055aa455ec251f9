import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AUTHENTICATOR, Authenticator, AuthUser } from '../auth/auth-user';
import { AppConfig } from '../config/app-config';

/** The part of a graphql-ws connection context that the watcher needs. */
export interface WatchedConnection {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { socket?: { close(code: number, reason: string): void } };
}

/** graphql-ws close codes (4401 Unauthorized, 4403 Forbidden), as the protocol defines them. */
export const WS_TOKEN_EXPIRED = 4401;
export const WS_ACCESS_REVOKED = 4403;

function bearerOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  if (typeof value !== 'string') return undefined;
  return /^Bearer\s+(\S+)$/i.exec(value.trim())?.[1];
}

/** The `exp` claim of a JWT that the authenticator has already verified. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const sameRights = (a: AuthUser, b: AuthUser) =>
  a.id === b.id &&
  a.organisationId === b.organisationId &&
  [...a.roles].sort().join() === [...b.roles].sort().join();

/**
 * Keeps a signed-in WebSocket honest for as long as it stays open: it is closed when its access
 * token expires (4401; the client reconnects with a fresh token) and, checked every
 * WS_AUTH_RECHECK_SECONDS, when the session was signed out, the account disabled or erased, or
 * its roles changed (4403). Without this, a subscription opened once would keep delivering
 * events after the rights behind it are gone.
 */
@Injectable()
export class WebSocketSessions implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebSocketSessions.name);
  private readonly watches = new WeakMap<object, () => void>();

  constructor(
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** graphql-ws `onConnect`: anonymous connections are allowed (resolvers decide). */
  async watch(connection: WatchedConnection): Promise<void> {
    const token = bearerOf(connection.connectionParams);
    const socket = connection.extra.socket;
    if (!token || !socket) return;
    const first = await this.authenticator.authenticate(token);
    if (!first.user) return; // resolvers report UNAUTHENTICATED in the client's language
    const user = first.user;
    const timers: NodeJS.Timeout[] = [];
    const stop = () => timers.forEach((t) => clearTimeout(t));
    const close = (code: number, reason: string) => {
      stop();
      socket.close(code, reason);
    };
    const expiry = expiryOf(token);
    if (expiry !== undefined)
      timers.push(
        setTimeout(
          () => close(WS_TOKEN_EXPIRED, 'Access token expired'),
          Math.max(0, expiry - Date.now()),
        ),
      );
    const recheck: NodeJS.Timeout = setInterval(() => {
      this.authenticator.authenticate(token).then(
        (now) => {
          if (!now.user || !sameRights(user, now.user)) close(WS_ACCESS_REVOKED, 'Access revoked');
        },
        (error: unknown) =>
          this.logger.warn({ err: (error as Error).message }, 'websocket re-authentication failed'),
      );
    }, this.config.env.WS_AUTH_RECHECK_SECONDS * 1000);
    timers.push(recheck);
    timers.forEach((t) => t.unref());
    this.watches.set(connection, stop);
  }

  /** graphql-ws `onClose`. */
  release(connection: WatchedConnection): void {
    this.watches.get(connection)?.();
    this.watches.delete(connection);
  }

  /**
   * The WebSocket server that @nestjs/graphql creates has no message size limit of its own (the
   * `ws` default is 100 MiB): give it the HTTP body limit. Fails loudly if the internals moved.
   */
  onApplicationBootstrap(): void {
    const graphql = this.moduleRef.get(GraphQLModule, { strict: false });
    const adapter = graphql.graphQlAdapter as unknown as {
      _subscriptionService?: { wss?: { options: { maxPayload?: number } } };
    };
    const wss = adapter._subscriptionService?.wss;
    if (!wss) throw new Error('graphql-ws server not found: cannot limit WebSocket message size');
    wss.options.maxPayload = this.config.bodyLimitBytes;
  }
}
