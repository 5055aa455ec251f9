import { Module } from '@nestjs/common';
import { CoreModule } from '@sasiad/core';
import { IdentityModule } from '@sasiad/identity';
import { AcademyModule } from '@sasiad/academy';
import { InfoPointModule } from '@sasiad/info-point';
import { ZonesModule } from '@sasiad/zones';
import { GrantsModule } from '@sasiad/grants';
import { ForumsModule } from '@sasiad/forums';
import { NgoCentreModule } from '@sasiad/ngo-centre';

/** Assembles the bounded contexts; no rules live here. */
@Module({
  imports: [
    CoreModule.forRoot({ authentication: IdentityModule }),
    IdentityModule,
    AcademyModule,
    InfoPointModule,
    ZonesModule,
    GrantsModule,
    ForumsModule,
    NgoCentreModule,
  ],
})
export class AppModule {}
