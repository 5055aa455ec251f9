import type { TFunction } from 'i18next';
import { Language } from '../i18n/languages';
import { AuthUser } from './auth-user';
import { LoaderRegistry } from '../graphql/loader-registry';

/** The GraphQL context of one request (HTTP) or one subscription connection (WebSocket). */
export interface RequestContext {
  requestId: string;
  transport: 'http' | 'ws';
  user: AuthUser | null;
  /** Why a presented token was not accepted; only reported when the operation needs a user. */
  authProblem?: 'invalid' | 'expired';
  lang: Language;
  t: TFunction;
  clientIp: string;
  loaders: LoaderRegistry;
  /** Express request and response (HTTP only). */
  req?: unknown;
  res?: unknown;
}
