import { DynamicModule, Module, Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { NodeEnv } from '../config/env';
import { LogMailTransport } from './log-mail-transport';
import { MAIL_TRANSPORT, SMS_PROVIDER, SmsProvider } from './outbound-message';
import { OutboundMessages } from './outbound-messages.service';
import { SmtpMailTransport } from './smtp-mail-transport';

/** The outbound-messages port with its transport chosen by configuration (SMTP_URL, MAIL_FROM). */
@Module({})
export class MessagesModule {
  static forRoot(options: { smsProvider?: Type<SmsProvider> } = {}): DynamicModule {
    return {
      module: MessagesModule,
      global: true,
      providers: [
        {
          provide: MAIL_TRANSPORT,
          inject: [AppConfig],
          useFactory: ({ env }: AppConfig) =>
            env.SMTP_URL
              ? new SmtpMailTransport(env.SMTP_URL, env.MAIL_FROM!)
              : new LogMailTransport(env.NODE_ENV !== NodeEnv.production),
        },
        options.smsProvider
          ? { provide: SMS_PROVIDER, useClass: options.smsProvider }
          : { provide: SMS_PROVIDER, useValue: null },
        OutboundMessages,
      ],
      exports: [OutboundMessages],
    };
  }
}
