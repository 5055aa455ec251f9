import { DomainException, ErrorCode } from '@sasiad/core';

/**
 * Desk-assisted mode: what a staff member records for the person beside them. The person agreed
 * (`consentGiven`) to the wording whose version the staff member showed (`consentVersion`); a
 * wording changed since the screen was loaded was not the one agreed to.
 */
export function assertDeskConsent(
  recorded: { consentGiven: boolean; consentVersion: string },
  currentVersion: string,
): void {
  if (recorded.consentGiven !== true)
    throw new DomainException(ErrorCode.CONSENT_REQUIRED, {}, [
      { field: 'consentGiven', constraint: 'consentRequired' },
    ]);
  if (recorded.consentVersion !== currentVersion)
    throw new DomainException(ErrorCode.CONSENT_VERSION_OUTDATED, {}, [
      { field: 'consentVersion', constraint: 'currentVersion' },
    ]);
}
