import { OutboundMessages } from '@sasiad/core';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, TestApp } from '../support/test-app';

describe('outbound messages: e-mail through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Sąsiad <punkt@example.org>' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("sends a message rendered in the recipient's language, with the right plural", async () => {
    const messages = t.app.get(OutboundMessages);
    await messages.sendEmail({
      to: 'olena@example.org',
      language: 'uk',
      template: 'passwordReset',
      params: { link: 'https://app.example.org/reset-password#token=abc', count: 30 },
    });
    const mail = await smtp.next();
    expect(mail.to).toEqual(['olena@example.org']);
    expect(mail.from).toBe('punkt@example.org');
    expect(mail.headers['content-language']).toBe('uk');
    expect(mail.subject).toBe('Sąsiad: установіть новий пароль');
    expect(mail.text).toContain('https://app.example.org/reset-password#token=abc');
    expect(mail.text).toContain('діє 30 хвилин ');

    await messages.sendEmail({
      to: 'ales@example.org',
      language: 'be',
      template: 'passwordReset',
      params: { link: 'https://app.example.org/r', count: 21 },
    });
    const be = await smtp.next();
    expect(be.subject).toBe('Sąsiad: задайце новы пароль');
    expect(be.text).toContain('дзейнічае 21 хвіліну ');
  });

  it('refuses an unknown template, and says when no SMS provider is configured', async () => {
    const messages = t.app.get(OutboundMessages);
    await expect(
      messages.sendEmail({ to: 'a@example.org', language: 'pl', template: 'noSuchTemplate' }),
    ).rejects.toThrow(/unknown message template/);
    expect(messages.smsAvailable).toBe(false);
    expect(
      await messages.sendSms({
        to: '+48500100200',
        language: 'pl',
        template: 'passwordReset',
        params: { link: 'x', count: 5 },
      }),
    ).toBe(false);
    expect(smtp.received).toEqual([]);
  });
});
