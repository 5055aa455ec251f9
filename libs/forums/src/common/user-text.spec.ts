import { ErrorCode } from '@sasiad/core';
import { assertPlainText, isUnsafeText } from './user-text';

describe('residents’ text', () => {
  it.each([
    '<script>alert(1)</script>',
    'Zobacz <b>to</b>',
    '<img src=x onerror=alert(1)>',
    '[link](javascript:alert(1))',
    'x onclick="steal()"',
    '< script >',
  ])('refuses %s', (text) => expect(isUnsafeText(text)).toBe(true));

  it.each([
    'Ławka przy ul. Bema 3 < 5 metrów od przystanku',
    'Потрібна лавка біля зупинки, 2 > 1',
    'Plac zabaw: on=off? Nie, 100% bezpieczny',
  ])('keeps plain text %s', (text) => expect(isUnsafeText(text)).toBe(false));

  it('names every offending field with a stable code', () => {
    expect(() => assertPlainText({ title: 'ok', text: '<i>x</i>' })).toThrow(
      expect.objectContaining({
        code: ErrorCode.RAW_HTML_NOT_ALLOWED,
        fields: [{ field: 'text', constraint: 'noRawHtml' }],
      }),
    );
    expect(() => assertPlainText({ title: 'ok', text: undefined })).not.toThrow();
  });
});
