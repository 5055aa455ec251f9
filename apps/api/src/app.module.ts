import { Module } from '@nestjs/common';
import { CoreModule } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';
import { AcademyModule } from '@sasiad/academy';
import { InfoPointModule } from '@sasiad/info-point';
import { ZonesModule } from '@sasiad/zones';

/** Assembles the bounded contexts; no rules live here. */
@Module({
  imports: [
    CoreModule.forRoot({ authentication: IdentityModule }),
    IdentityModule,
    AcademyModule,
    InfoPointModule,
    ZonesModule,
  ],
})
export class AppModule {}
