import { DomainException, ErrorCode } from '@sasiad/core';
import { assertDeskConsent } from './desk-consent';

const codeOf = (f: () => void): ErrorCode | null => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as DomainException).code;
  }
};

describe('assertDeskConsent', () => {
  it('accepts the consent given to the current wording', () => {
    expect(
      codeOf(() => assertDeskConsent({ consentGiven: true, consentVersion: 'v2' }, 'v2')),
    ).toBeNull();
  });

  it('refuses a consent not given, whatever the version', () => {
    expect(
      codeOf(() => assertDeskConsent({ consentGiven: false, consentVersion: 'v2' }, 'v2')),
    ).toBe(ErrorCode.CONSENT_REQUIRED);
    expect(
      codeOf(() => assertDeskConsent({ consentGiven: false, consentVersion: 'v1' }, 'v2')),
    ).toBe(ErrorCode.CONSENT_REQUIRED);
  });

  it('refuses a consent given to an earlier wording', () => {
    expect(
      codeOf(() => assertDeskConsent({ consentGiven: true, consentVersion: 'v1' }, 'v2')),
    ).toBe(ErrorCode.CONSENT_VERSION_OUTDATED);
  });
});
