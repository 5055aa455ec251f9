import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/** The one Clock of an application instance (settable in tests). */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class TimeModule {}
