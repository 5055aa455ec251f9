import { Module } from '@nestjs/common';
import { IdentityModule } from '@sasiad/identity';

/**
 * Micro-grants (regranting): an operator runs an open call on the zones call engine and funds local initiatives, from application to settlement.
 */
@Module({
  imports: [IdentityModule],
  providers: [],
  exports: [],
})
export class GrantsModule {}
