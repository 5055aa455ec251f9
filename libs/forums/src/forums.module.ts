import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { IdentityModule } from '@sasiad/identity';
import { ZonesModule } from '@sasiad/zones';
import { ActivitiesResolver } from './activities/activities.resolver';
import { ActivitiesService } from './activities/activities.service';
import { ActivityPhotos } from './activities/activity-files';
import { Activity, ActivitySchema } from './activities/activity.schema';
import { forumsModel } from './common/model-name';
import { CounterCheck, CounterCheckSchema } from './counters/counter-check.schema';
import { CounterRepairService } from './counters/counter-repair.service';
import { FollowingResolver } from './following/following.resolver';
import {
  Follow,
  FollowSchema,
  ForumNotification,
  ForumNotificationSchema,
} from './following/following.schema';
import { ForumNotificationsService } from './following/forum-notifications.service';
import { ForumsErasureService } from './forums-erasure.service';
import { ForumsCoreModule } from './forums/forums-core.module';
import { ForumsResolver } from './forums/forums.resolver';
import {
  ModerationEntry,
  ModerationEntrySchema,
  Report,
  ReportSchema,
} from './moderation/moderation.schema';
import { ModerationResolver } from './moderation/moderation.resolver';
import { ModerationService } from './moderation/moderation.service';
import { DiscussionService } from './posts/discussion.service';
import { IdeasService } from './posts/ideas.service';
import {
  Post,
  PostSchema,
  PostingRate,
  PostingRateSchema,
  Support,
  SupportSchema,
} from './posts/post.schema';
import { PostStore } from './posts/post-store';
import { PostingRateService } from './posts/posting-rate.service';
import { PostsResolver } from './posts/posts.resolver';
import { Recommendation, RecommendationSchema } from './recommendations/recommendation.schema';
import { RecommendationsResolver } from './recommendations/recommendations.resolver';
import { RecommendationsService } from './recommendations/recommendations.service';
import { RecommendationsStore } from './recommendations/recommendations.store';
import { ForumReportResolver } from './reports/forum-report.resolver';
import { ForumReportService } from './reports/forum-report.service';
import { MACHINE_TRANSLATOR } from './translations/machine-translator';
import { TranslationsService } from './translations/translations.service';

/**
 * Active Residents Forums: one participation space per housing estate (activities, ideas, debates, recommendations to the city, moderation).
 */
@Module({
  imports: [
    IdentityModule,
    ZonesModule,
    ForumsCoreModule,
    MongooseModule.forFeature([
      { name: forumsModel(Post), schema: PostSchema },
      { name: forumsModel(Support), schema: SupportSchema },
      { name: forumsModel(PostingRate), schema: PostingRateSchema },
      { name: forumsModel(Recommendation), schema: RecommendationSchema },
      { name: forumsModel(Report), schema: ReportSchema },
      { name: forumsModel(ModerationEntry), schema: ModerationEntrySchema },
      { name: forumsModel(Activity), schema: ActivitySchema },
      { name: forumsModel(Follow), schema: FollowSchema },
      { name: forumsModel(ForumNotification), schema: ForumNotificationSchema },
      { name: forumsModel(CounterCheck), schema: CounterCheckSchema },
    ]),
  ],
  providers: [
    ForumsResolver,
    PostStore,
    PostingRateService,
    IdeasService,
    DiscussionService,
    PostsResolver,
    // No machine-translation provider by default: nothing is sent anywhere.
    { provide: MACHINE_TRANSLATOR, useValue: null },
    TranslationsService,
    RecommendationsStore,
    RecommendationsService,
    RecommendationsResolver,
    ModerationService,
    ModerationResolver,
    ActivitiesService,
    ActivitiesResolver,
    ActivityPhotos,
    ForumNotificationsService,
    FollowingResolver,
    ForumReportService,
    ForumReportResolver,
    ForumsErasureService,
    CounterRepairService,
  ],
  exports: [ForumsCoreModule],
})
export class ForumsModule {}
