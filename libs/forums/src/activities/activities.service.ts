import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  FileStore,
  Language,
  objectId,
  pageById,
  StoredFileModel,
  storedFileView,
} from '@sasiad/core';
import { CreateEventInput, EventKind, EventModel, EventsService } from '@sasiad/zones';
import { forumsModel } from '../common/model-name';
import { assertPlainText } from '../common/user-text';
import { ForumNotificationKind } from '../following/following.schema';
import { ForumNotificationsService } from '../following/forum-notifications.service';
import { ForumsService } from '../forums/forums.service';
import { PostKind } from '../posts/post.schema';
import { PostStore } from '../posts/post-store';
import {
  ActivitiesArgs,
  ActivityConnection,
  ActivityModel,
  CreateForumActivityInput,
  RecordActivityMinutesInput,
} from './dto/activity.inputs';
import { Activity, LeanActivity } from './activity.schema';

export const FORUM_EVENT_OWNER = 'forums.forum';
/** The file store's owner kind of activity photos (declared by ActivityPhotos). */
export const ACTIVITY_PHOTOS_KIND = 'forums.activity';

/** Activities of a forum: zones events owned by the forum, with minutes and ideas. */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectModel(forumsModel(Activity)) readonly activities: Model<Activity>,
    private readonly events: EventsService,
    private readonly forums: ForumsService,
    private readonly posts: PostStore,
    private readonly notifications: ForumNotificationsService,
    private readonly clock: Clock,
    private readonly files: FileStore,
  ) {}

  /**
   * The event is created first (through zones' EventsService, owned by the forum), then the
   * activity that points to it. If the second write fails, the event exists without an activity
   * and is found by its owner; nothing else refers to it. Followers of the forum are told.
   */
  async create(
    input: CreateForumActivityInput,
    user: AuthUser,
    lang: Language,
  ): Promise<ActivityModel> {
    const forum = await this.forums.find(input.forumId);
    this.forums.assertFacilitator(forum, user);
    const event = await this.events.create(
      Object.assign(new CreateEventInput(), input.event, { kind: EventKind.forum_activity }),
      user,
      lang,
      { kind: FORUM_EVENT_OWNER, id: forum._id },
    );
    const base = input.event.title.find((t) => t.lang === input.event.baseLanguage)!;
    const created = await this.activities.create({
      forumId: forum._id,
      kind: input.kind,
      eventId: new Types.ObjectId(event.id),
      title: base.text,
      startsAt: event.startsAt,
      createdBy: new Types.ObjectId(user.id),
    });
    await this.notifications.toFollowers(
      forum._id,
      ForumNotificationKind.NEW_ACTIVITY,
      created._id,
      { title: base.text, forum: forum.name, activityKind: input.kind },
      user.id,
    );
    return this.toModel(created.toObject() as LeanActivity, event);
  }

  /**
   * After the activity has begun, a facilitator records minutes, the participants (and
   * newcomers, if counted) and the ideas that came up (ideas of the same forum). Recording again
   * replaces the minutes.
   */
  async recordMinutes(input: RecordActivityMinutesInput, user: AuthUser): Promise<ActivityModel> {
    assertPlainText({ text: input.text });
    const activity = await this.find(input.activityId);
    const forum = await this.forums.find(activity.forumId);
    this.forums.assertFacilitator(forum, user);
    if (activity.startsAt > this.clock.now())
      throw new DomainException(ErrorCode.ACTIVITY_NOT_HELD_YET);
    if (input.newcomers !== undefined && input.newcomers > input.participants)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'newcomers', constraint: 'notAboveParticipants' },
      ]);
    const ideaIds = input.ideaIds.map((id) => objectId(id));
    const found = await this.posts.posts
      .countDocuments({ _id: trusted({ $in: ideaIds }), forumId: forum._id, kind: PostKind.IDEA })
      .exec();
    if (found !== ideaIds.length)
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: 'ideaIds', constraint: 'notAnIdeaOfTheForum' },
      ]);
    const updated = await this.activities
      .findOneAndUpdate(
        { _id: activity._id },
        {
          $set: {
            minutes: {
              text: input.text,
              language: input.language ?? user.preferredLanguage,
              participants: input.participants,
              newcomers: input.newcomers,
              recordedAt: this.clock.now(),
              recordedBy: new Types.ObjectId(user.id),
            },
            ideaIds,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanActivity>()
      .exec();
    return this.toModel(updated!);
  }

  /** The activity's photos in the file store, oldest first (public, like the minutes). */
  async photos(activityId: string): Promise<StoredFileModel[]> {
    return (await this.files.listFor(ACTIVITY_PHOTOS_KIND, activityId)).map(storedFileView);
  }

  async find(id: string | Types.ObjectId): Promise<LeanActivity> {
    const found = await this.activities.findById(objectId(id)).lean<LeanActivity>().exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    return found;
  }

  async get(id: string): Promise<ActivityModel> {
    return this.toModel(await this.find(id));
  }

  async list(args: ActivitiesArgs): Promise<Connection<ActivityModel>> {
    return pageById(
      this.activities,
      { forumId: objectId(args.forumId) } as QueryFilter<Activity>,
      args,
      { order: 'newest', toNode: (a: LeanActivity) => this.toModel(a) },
    ) as Promise<ActivityConnection>;
  }

  /** Activities of a forum that started in [from, to). */
  async inPeriod(forumId: Types.ObjectId, from: Date, to: Date): Promise<LeanActivity[]> {
    return this.activities
      .find({ forumId, startsAt: trusted({ $gte: from, $lt: to }) })
      .sort({ startsAt: 1 })
      .lean<LeanActivity[]>()
      .exec();
  }

  toModel(a: LeanActivity, event: EventModel | null = null): ActivityModel {
    return {
      id: a._id.toHexString(),
      forumId: a.forumId.toHexString(),
      kind: a.kind,
      eventId: a.eventId.toHexString(),
      event,
      title: a.title,
      startsAt: a.startsAt,
      minutes: a.minutes
        ? {
            text: a.minutes.text,
            language: a.minutes.language,
            participants: a.minutes.participants,
            newcomers: a.minutes.newcomers ?? null,
            recordedAt: a.minutes.recordedAt,
          }
        : null,
      ideaIds: (a.ideaIds ?? []).map((id) => id.toHexString()),
    };
  }

  /** An erased account's traces: it no longer recorded anything. */
  async forget(userId: Types.ObjectId): Promise<void> {
    await this.activities.updateMany({ createdBy: userId }, { $unset: { createdBy: 1 } }).exec();
    await this.activities
      .updateMany({ 'minutes.recordedBy': userId }, { $unset: { 'minutes.recordedBy': 1 } })
      .exec();
  }
}
