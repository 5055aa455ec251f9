import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  AuthUser,
  Clock,
  DomainException,
  ErrorCode,
  I18nService,
  Language,
  Role,
} from '@sasiad/core';
import { UsersService } from '../accounts/users.service';
import { RecoveryService } from '../recovery/recovery.service';
import { CreateAccountForPersonInput } from './desk-accounts.inputs';
import { assertDeskConsent } from './desk-consent';
import { CreateAccountForPersonPayload, DeskAccountConsent } from './desk-accounts.model';

/** The version of the account wording (i18n `identity:deskConsent.account`). */
export const DESK_ACCOUNT_CONSENT_VERSION = '2026-12-desk-account-v1';

/**
 * Desk-assisted mode, accounts: info-point staff create a learner account for the person beside
 * them, with the person's consent. Nobody but the person ever knows its password: the account
 * starts with a random one nobody sees, and the person sets theirs with a one-time setup code.
 */
@Injectable()
export class DeskAccountsService {
  constructor(
    private readonly accounts: UsersService,
    private readonly recovery: RecoveryService,
    private readonly i18n: I18nService,
    private readonly clock: Clock,
  ) {}

  consent(lang: Language): DeskAccountConsent {
    return {
      version: DESK_ACCOUNT_CONSENT_VERSION,
      language: lang,
      text: this.i18n.t(lang)('identity:deskConsent.account'),
    };
  }

  /**
   * Order (no transactions): consent and input are checked before anything is written; the
   * account is created (marked as made at the desk); then its setup code is stored and the
   * audit entry written. If the process dies in between, the account exists with a password
   * nobody knows: staff give a code with issuePasswordResetCode, as for any learner.
   */
  async createForPerson(
    input: CreateAccountForPersonInput,
    staff: AuthUser,
  ): Promise<CreateAccountForPersonPayload> {
    assertDeskConsent(input, DESK_ACCOUNT_CONSENT_VERSION);
    const hasEmail = input.email != null;
    if (hasEmail === (input.username != null))
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'email', constraint: 'emailXorUsername' },
      ]);
    const user = await this.accounts.create({
      login: hasEmail ? input.email! : input.username!,
      loginKind: hasEmail ? 'email' : 'username',
      // a password nobody sees, never stored in clear or logged: only its argon2 hash is kept
      password: randomBytes(32).toString('base64url'),
      roles: [Role.learner],
      displayName: input.displayName ?? undefined,
      preferredLanguage: input.preferredLanguage,
      desk: {
        staffId: staff.id,
        consentAt: this.clock.now(),
        consentVersion: DESK_ACCOUNT_CONSENT_VERSION,
      },
    });
    const setup = await this.recovery.issueDeskSetupCode(staff.id, user.id);
    return { user, setupCode: setup.code, setupCodeExpiresAt: setup.expiresAt };
  }
}
