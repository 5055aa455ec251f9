import { ConsoleLogger, Logger } from '@nestjs/common';
import { I18nService } from '../i18n/i18n.service';
import { LogMailTransport } from './log-mail-transport';
import { OutboundMessages } from './outbound-messages.service';
import { RenderedMessage, SmsProvider } from './outbound-message';

/** Keeps what is logged, to read it back. */
class CapturingLogger extends ConsoleLogger {
  lines: unknown[][] = [];
  override log(...args: unknown[]) {
    this.lines.push(args);
  }
  override warn(...args: unknown[]) {
    this.lines.push(args);
  }
}

/** An SMS gateway that keeps what it is given (a real implementation of the port, in memory). */
class InMemorySms implements SmsProvider {
  sent: Omit<RenderedMessage, 'subject'>[] = [];
  send(message: Omit<RenderedMessage, 'subject'>) {
    this.sent.push(message);
    return Promise.resolve();
  }
}

describe('outbound messages', () => {
  const request = {
    to: 'halyna@example.org',
    language: 'ru' as const,
    template: 'passwordReset',
    params: { link: 'https://app.example.org/reset-password#token=SECRET-TOKEN', count: 2 },
  };

  afterEach(() => Logger.overrideLogger(false));

  it('logs the whole message in development, and nothing personal in production', async () => {
    const logger = new CapturingLogger();
    Logger.overrideLogger(logger);
    const i18n = new I18nService();
    await new OutboundMessages(new LogMailTransport(true), i18n).sendEmail(request);
    expect(JSON.stringify(logger.lines)).toContain('SECRET-TOKEN');
    expect(JSON.stringify(logger.lines)).toContain('действует 2 минуты ');
    logger.lines = [];
    await new OutboundMessages(new LogMailTransport(false), i18n).sendEmail(request);
    const logged = JSON.stringify(logger.lines);
    expect(logged).toContain('passwordReset');
    expect(logged).not.toContain('SECRET-TOKEN');
    expect(logged).not.toContain('halyna');
    expect(logged).not.toContain('пароль');
  });

  it('sends text messages through a provider when one is plugged in', async () => {
    const sms = new InMemorySms();
    const messages = new OutboundMessages(new LogMailTransport(false), new I18nService(), sms);
    expect(messages.smsAvailable).toBe(true);
    expect(await messages.sendSms({ ...request, to: '+48500100200', language: 'pl' })).toBe(true);
    expect(sms.sent).toEqual([
      expect.objectContaining({ to: '+48500100200', language: 'pl', template: 'passwordReset' }),
    ]);
    expect(sms.sent[0].text).toContain('ważny przez 2 minuty ');
  });
});
