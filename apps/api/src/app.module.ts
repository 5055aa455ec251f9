import { Module } from '@nestjs/common';
import { CoreModule } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';

/** Assembles the bounded contexts; no rules live here. */
@Module({
  imports: [CoreModule.forRoot({ authentication: IdentityModule }), IdentityModule],
})
export class AppModule {}
