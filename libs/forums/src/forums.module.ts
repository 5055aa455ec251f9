import { Module } from '@nestjs/common';
import { IdentityModule } from '@sasiad/identity';

/**
 * Active Residents Forums: one participation space per housing estate (activities, ideas, debates, recommendations to the city, moderation).
 */
@Module({
  imports: [IdentityModule],
  providers: [],
  exports: [],
})
export class ForumsModule {}
