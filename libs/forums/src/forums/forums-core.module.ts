import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { forumsModel } from '../common/model-name';
import { Forum, ForumSchema, Membership, MembershipSchema } from './forum.schema';
import { ForumSeedService } from './forum-seed.service';
import { ForumsService } from './forums.service';

/**
 * Forums and memberships alone (no GraphQL, no zones): what the rest of the context builds on,
 * and all the seed command needs.
 */
@Module({
  imports: [
    IdentityModule,
    MongooseModule.forFeature([
      { name: forumsModel(Forum), schema: ForumSchema },
      { name: forumsModel(Membership), schema: MembershipSchema },
    ]),
  ],
  providers: [ForumsService, ForumSeedService],
  exports: [ForumsService, ForumSeedService, MongooseModule],
})
export class ForumsCoreModule {}
