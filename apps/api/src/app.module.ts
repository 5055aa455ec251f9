import { Module } from '@nestjs/common';
import { CoreModule } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';
import { InfoPointModule } from '@sasiad/info-point';

/** Assembles the bounded contexts; no rules live here. */
@Module({
  imports: [
    CoreModule.forRoot({ authentication: IdentityModule }),
    IdentityModule,
    InfoPointModule,
  ],
})
export class AppModule {}
