import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  Clock,
  DEFAULT_LANGUAGE,
  DomainException,
  ErrorCode,
  EventBus,
  asLocalizedField,
  I18nService,
  Language,
  LocalizedField,
  logFailure,
  objectId,
  pageById,
  warsawWallClock,
} from '@sasiad/core';
import { baseOf, readText, StoredText, writtenAt } from '../common/texts';
import { zonesModel } from '../common/model-name';
import { MyNotificationsArgs, NotificationModel } from './notification.model';
import {
  Notification,
  NotificationKind,
  NOTIFIED_ROLES,
  NotifiedRole,
} from './notification.schema';

export const NOTIFICATION_CREATED = 'zones.notificationCreated';

type LeanNotification = Notification & { _id: Types.ObjectId };

/** What goes over the EventBus: plain JSON (the engine may be Redis). */
export interface NotificationEvent {
  id: string;
  userId: string | null;
  organisationId: string | null;
  audienceRole?: NotifiedRole | null;
  kind: NotificationKind;
  referenceId: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * The title a notification keeps (copied, so the message still reads after the call or event is
 * gone): core's LocalizedField and its base language, as `data.title` and `data.baseLanguage`.
 */
export interface NotifiedTitle {
  title: LocalizedField;
  baseLanguage: Language;
}

/** The title of a call or event for a notification (a text stored before versioning included). */
export function notifiedTitle(doc: {
  title: StoredText;
  baseLanguage?: Language | null;
  updatedAt?: Date;
  createdAt?: Date;
}): NotifiedTitle {
  return { title: asLocalizedField(doc.title, writtenAt(doc))!, baseLanguage: baseOf(doc) };
}

/** What an event-change notification keeps: the event's state after the change. */
export interface EventNotificationData extends NotifiedTitle {
  startsAt: Date;
  place: string;
}

/**
 * `when` (Warsaw wall-clock time, `dd.mm.yyyy hh:mm`, read the same in all four languages) and
 * `place` of event-change notifications; nothing for other kinds.
 */
function eventParams(data: Record<string, unknown>): Record<string, string> {
  if (typeof data.startsAt !== 'string') return {};
  return {
    when: warsawWallClock(new Date(data.startsAt)),
    place: typeof data.place === 'string' ? data.place : '',
  };
}

/** In-app notifications of the zones context. The only code touching `zones_notifications`. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectModel(zonesModel(Notification)) private readonly notifications: Model<Notification>,
    private readonly i18n: I18nService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  /** One notification per organisation that applied to the call (after publication). */
  async decisionsPublished(
    callId: Types.ObjectId,
    title: NotifiedTitle,
    organisationIds: Types.ObjectId[],
  ): Promise<void> {
    const unique = [...new Set(organisationIds.map((id) => id.toHexString()))];
    for (const organisationId of unique)
      await this.create({
        organisationId: new Types.ObjectId(organisationId),
        kind: NotificationKind.DECISIONS_PUBLISHED,
        referenceId: callId,
        data: { ...title },
      });
  }

  /** The signed-in registrant who got a seat from the waitlist. */
  async waitlistPromoted(
    userId: Types.ObjectId,
    eventId: Types.ObjectId,
    title: NotifiedTitle,
  ): Promise<void> {
    await this.create({
      userId,
      kind: NotificationKind.WAITLIST_PROMOTED,
      referenceId: eventId,
      data: { ...title },
    });
  }

  /** Each signed-in registrant of an event whose time or place changed (one per person). */
  async eventChanged(
    userIds: Types.ObjectId[],
    eventId: Types.ObjectId,
    data: EventNotificationData,
  ): Promise<void> {
    await this.toEachOnce(userIds, NotificationKind.EVENT_CHANGED, eventId, data);
  }

  /** Each signed-in registrant with a seat, the day before the event. */
  async eventReminder(
    userIds: Types.ObjectId[],
    eventId: Types.ObjectId,
    data: EventNotificationData,
  ): Promise<void> {
    await this.toEachOnce(userIds, NotificationKind.EVENT_REMINDER, eventId, data);
  }

  /** Each signed-in registrant of an event its organiser cancelled. */
  async eventCancelled(
    userIds: Types.ObjectId[],
    eventId: Types.ObjectId,
    data: EventNotificationData,
  ): Promise<void> {
    await this.toEachOnce(userIds, NotificationKind.EVENT_CANCELLED, eventId, data);
  }

  private async toEachOnce(
    userIds: Types.ObjectId[],
    kind: NotificationKind,
    referenceId: Types.ObjectId,
    { title, startsAt, place }: EventNotificationData,
  ): Promise<void> {
    const unique = [...new Set(userIds.map((id) => id.toHexString()))];
    for (const userId of unique)
      await this.create({
        userId: new Types.ObjectId(userId),
        kind,
        referenceId,
        data: { title, startsAt: startsAt.toISOString(), place },
      });
  }

  /**
   * The applicant organisation's confirmation that its application was submitted, changed after
   * submission or withdrawn, with the time the server received it.
   */
  async applicationToApplicant(
    kind:
      | NotificationKind.APPLICATION_SUBMITTED
      | NotificationKind.APPLICATION_CHANGED
      | NotificationKind.APPLICATION_WITHDRAWN,
    application: { id: Types.ObjectId; callId: Types.ObjectId; organisationId: Types.ObjectId },
    title: NotifiedTitle,
    at: Date,
  ): Promise<void> {
    await this.create({
      organisationId: application.organisationId,
      kind,
      referenceId: application.id,
      data: { ...title, at: at.toISOString(), callId: application.callId.toHexString() },
    });
  }

  /**
   * To the people who manage calls: every admin (calls are created, reviewed and decided by
   * admins, any admin for any call), one notification read per admin.
   */
  async applicationArrived(
    application: { id: Types.ObjectId; callId: Types.ObjectId },
    title: NotifiedTitle,
    organisationName: string,
    at: Date,
  ): Promise<void> {
    await this.create({
      audienceRole: 'admin',
      kind: NotificationKind.APPLICATION_ARRIVED,
      referenceId: application.id,
      data: {
        ...title,
        organisation: organisationName,
        at: at.toISOString(),
        callId: application.callId.toHexString(),
      },
    });
  }

  /** To each organisation with an application (draft or submitted) to the call. */
  async deadlineExtended(
    callId: Types.ObjectId,
    title: NotifiedTitle,
    closesAt: Date,
    organisationIds: Types.ObjectId[],
  ): Promise<void> {
    const unique = [...new Set(organisationIds.map((id) => id.toHexString()))];
    for (const organisationId of unique)
      await this.create({
        organisationId: new Types.ObjectId(organisationId),
        kind: NotificationKind.CALL_DEADLINE_EXTENDED,
        referenceId: callId,
        data: { ...title, closesAt: closesAt.toISOString() },
      });
  }

  /**
   * Erasure of an account: its own notifications go, and it leaves the read state of shared
   * ones (organisation and role notifications stay for the others).
   */
  async forgetUser(userId: string): Promise<void> {
    const me = new Types.ObjectId(userId);
    await this.notifications.deleteMany({ userId: me }).exec();
    await this.notifications.updateMany({ readBy: me }, { $pull: { readBy: me } }).exec();
  }

  /** Called after the write it reports has succeeded; a failure here is logged, never thrown. */
  private async create(doc: Partial<Notification>): Promise<void> {
    try {
      const created = (await this.notifications.create(doc)).toObject() as LeanNotification;
      await this.bus.publish<NotificationEvent>(NOTIFICATION_CREATED, this.toEvent(created));
    } catch (error) {
      logFailure(this.logger, 'notification', error);
    }
  }

  /**
   * Rewrites titles copied before versioning (`data.title` as `{ pl, uk, … }`) as LocalizedField
   * with `data.baseLanguage` (Polish, the only base then). A notification's data never changes
   * after it is written, so each write is conditional only on the title still being plain.
   * Idempotent; returns how many were rewritten.
   */
  async backfillTitles(): Promise<number> {
    const plain = { 'data.title': trusted({ $exists: true }), 'data.title.baseVersion': null };
    const legacy = await this.notifications.find(plain).lean<LeanNotification[]>().exec();
    let rewritten = 0;
    for (const n of legacy) {
      const title = asLocalizedField(n.data.title as StoredText, n.createdAt);
      const result = await this.notifications
        .updateOne(
          { _id: n._id, ...plain },
          { $set: { 'data.title': title, 'data.baseLanguage': DEFAULT_LANGUAGE } },
        )
        .exec();
      rewritten += result.modifiedCount;
    }
    return rewritten;
  }

  async mine(args: MyNotificationsArgs, user: AuthUser, lang: Language) {
    const me = new Types.ObjectId(user.id);
    const mine: QueryFilter<Notification>[] = [
      args.unreadOnly ? { userId: me, readAt: null } : { userId: me },
    ];
    if (user.organisationId) {
      const organisationId = new Types.ObjectId(user.organisationId);
      mine.push(
        args.unreadOnly ? { organisationId, readBy: trusted({ $ne: me }) } : { organisationId },
      );
    }
    for (const audienceRole of this.rolesOf(user))
      mine.push(
        args.unreadOnly ? { audienceRole, readBy: trusted({ $ne: me }) } : { audienceRole },
      );
    const filter: QueryFilter<Notification> = { $or: mine };
    return pageById(this.notifications, filter, args, {
      order: 'newest',
      toNode: (n: LeanNotification) => this.render(this.toEvent(n), lang, this.isRead(n, me)),
    });
  }

  /** Only the caller's own or their organisation's; anything else is not found. */
  async markRead(id: string, user: AuthUser, lang: Language): Promise<NotificationModel> {
    const me = new Types.ObjectId(user.id);
    const found = await this.notifications.findById(objectId(id)).lean<LeanNotification>().exec();
    if (!found || !this.isFor(this.toEvent(found), user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (found.userId)
      await this.notifications
        .updateOne({ _id: found._id, readAt: null }, { $set: { readAt: this.clock.now() } })
        .exec();
    else
      await this.notifications.updateOne({ _id: found._id }, { $addToSet: { readBy: me } }).exec();
    return this.render(this.toEvent(found), lang, true);
  }

  isFor(event: NotificationEvent, user: AuthUser | null | undefined): boolean {
    if (!user) return false;
    if (event.userId) return event.userId === user.id;
    if (event.audienceRole) return this.rolesOf(user).includes(event.audienceRole);
    return !!event.organisationId && event.organisationId === user.organisationId;
  }

  /** The message in the reader's language, rendered now (not when the event happened). */
  render(event: NotificationEvent, lang: Language, read: boolean): NotificationModel {
    const title = event.data.title as StoredText | undefined;
    const baseLanguage = event.data.baseLanguage as Language | undefined;
    const at = typeof event.data.at === 'string' ? warsawWallClock(new Date(event.data.at)) : '';
    const closesAt =
      typeof event.data.closesAt === 'string' ? warsawWallClock(new Date(event.data.closesAt)) : '';
    const message = this.i18n.t(lang)(`zones:notification.${event.kind}`, {
      title: title
        ? readText(title, { baseLanguage, createdAt: new Date(event.createdAt) }, lang).text
        : '',
      ...eventParams(event.data),
      at,
      closesAt,
      organisation: typeof event.data.organisation === 'string' ? event.data.organisation : '',
    });
    return {
      id: event.id,
      kind: event.kind,
      referenceId: event.referenceId,
      message,
      read,
      createdAt: new Date(event.createdAt),
    };
  }

  private rolesOf(user: AuthUser): NotifiedRole[] {
    return NOTIFIED_ROLES.filter((role) => (user.roles as string[]).includes(role));
  }

  private isRead(n: LeanNotification, me: Types.ObjectId): boolean {
    if (n.userId) return !!n.readAt;
    return (n.readBy ?? []).some((id) => id.equals(me));
  }

  private toEvent(n: LeanNotification): NotificationEvent {
    return {
      id: n._id.toHexString(),
      userId: n.userId ? n.userId.toHexString() : null,
      organisationId: n.organisationId ? n.organisationId.toHexString() : null,
      audienceRole: n.audienceRole ?? null,
      kind: n.kind,
      referenceId: n.referenceId.toHexString(),
      data: n.data ?? {},
      createdAt: new Date(n.createdAt).toISOString(),
    };
  }
}
