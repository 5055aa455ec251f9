import { Module } from '@nestjs/common';
import { IdentityModule } from '@sasiad/identity';

/**
 * NGO support centre: directory of organisations, adviser consultations, room and resource bookings, publications library, funding opportunities, volunteering.
 */
@Module({
  imports: [IdentityModule],
  providers: [],
  exports: [],
})
export class NgoCentreModule {}
