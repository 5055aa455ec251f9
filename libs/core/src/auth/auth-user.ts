import { Language } from '../i18n/languages';
import { Role } from './role';

/** Who is calling, as known after the access token was checked against the account. */
export interface AuthUser {
  id: string;
  roles: Role[];
  preferredLanguage: Language;
  organisationId?: string;
}

export type AuthResult = { user: AuthUser } | { user: null; problem: 'invalid' | 'expired' };

/** Provided by the identity context; core only knows this interface. */
export interface Authenticator {
  authenticate(accessToken: string): Promise<AuthResult>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
