import { Language } from '../i18n/languages';

/** A rendered message, ready for a transport. `template` and `language` say what it is without its content. */
export interface RenderedMessage {
  to: string;
  language: Language;
  template: string;
  subject: string;
  text: string;
}

/** Where e-mail goes: SMTP when SMTP_URL is set, else the log (see MessagesModule). */
export interface MailTransport {
  send(message: RenderedMessage): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * A text-message gateway. None is required: without one, `OutboundMessages.smsAvailable` is false
 * and callers fall back to what the person can read in the app. A deployment plugs one in with
 * `CoreModule.forRoot({ smsProvider })`.
 */
export interface SmsProvider {
  send(message: Omit<RenderedMessage, 'subject'>): Promise<void>;
}
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export interface OutboundRequest {
  /** An e-mail address or a phone number (E.164). */
  to: string;
  /** The recipient's language, not the language of whoever caused the message. */
  language: Language;
  /** Keys `<template>Subject` and `<template>Body` of `i18n/<lang>/messages.json`. */
  template: string;
  params?: Record<string, string | number>;
}
