import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, QueryFilter, trusted, Types } from 'mongoose';
import {
  AuthUser,
  decodeCursor,
  DomainException,
  ErrorCode,
  EventBus,
  I18nService,
  Language,
  objectId,
  toConnection,
  toWarsawIso,
  warsawWallClock,
} from '@sasiad/core';
import { resolveText, Translations } from '../common/localized-text';
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

/** What an event-change notification keeps: the event's state after the change. */
export interface EventNotificationData {
  title: Translations;
  startsAt: Date;
  place: string;
}

/**
 * `when` (Warsaw wall-clock time, `dd.mm.yyyy hh:mm`, read the same in all four languages) and
 * `place` of event-change notifications; nothing for other kinds.
 */
function eventParams(data: Record<string, unknown>): Record<string, string> {
  if (typeof data.startsAt !== 'string') return {};
  const iso = toWarsawIso(new Date(data.startsAt));
  const [, y, m, d, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso)!;
  return {
    when: `${d}.${m}.${y} ${time}`,
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
  ) {}

  /** One notification per organisation that applied to the call (after publication). */
  async decisionsPublished(
    callId: Types.ObjectId,
    title: Translations,
    organisationIds: Types.ObjectId[],
  ): Promise<void> {
    const unique = [...new Set(organisationIds.map((id) => id.toHexString()))];
    for (const organisationId of unique)
      await this.create({
        organisationId: new Types.ObjectId(organisationId),
        kind: NotificationKind.DECISIONS_PUBLISHED,
        referenceId: callId,
        data: { title },
      });
  }

  /** The signed-in registrant who got a seat from the waitlist. */
  async waitlistPromoted(
    userId: Types.ObjectId,
    eventId: Types.ObjectId,
    title: Translations,
  ): Promise<void> {
    await this.create({
      userId,
      kind: NotificationKind.WAITLIST_PROMOTED,
      referenceId: eventId,
      data: { title },
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
    title: Translations,
    at: Date,
  ): Promise<void> {
    await this.create({
      organisationId: application.organisationId,
      kind,
      referenceId: application.id,
      data: { title, at: at.toISOString(), callId: application.callId.toHexString() },
    });
  }

  /**
   * To the people who manage calls: every admin (calls are created, reviewed and decided by
   * admins, any admin for any call), one notification read per admin.
   */
  async applicationArrived(
    application: { id: Types.ObjectId; callId: Types.ObjectId },
    title: Translations,
    organisationName: string,
    at: Date,
  ): Promise<void> {
    await this.create({
      audienceRole: 'admin',
      kind: NotificationKind.APPLICATION_ARRIVED,
      referenceId: application.id,
      data: {
        title,
        organisation: organisationName,
        at: at.toISOString(),
        callId: application.callId.toHexString(),
      },
    });
  }

  /** To each organisation with an application (draft or submitted) to the call. */
  async deadlineExtended(
    callId: Types.ObjectId,
    title: Translations,
    closesAt: Date,
    organisationIds: Types.ObjectId[],
  ): Promise<void> {
    const unique = [...new Set(organisationIds.map((id) => id.toHexString()))];
    for (const organisationId of unique)
      await this.create({
        organisationId: new Types.ObjectId(organisationId),
        kind: NotificationKind.CALL_DEADLINE_EXTENDED,
        referenceId: callId,
        data: { title, closesAt: closesAt.toISOString() },
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
      this.logger.error(
        { err: error instanceof Error ? error.name : 'unknown' },
        'notification not created',
      );
    }
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
    const page: QueryFilter<Notification> = { ...filter };
    if (args.after) page._id = trusted({ $lt: new Types.ObjectId(decodeCursor(args.after).id) });
    const [rows, totalCount] = await Promise.all([
      this.notifications
        .find(page)
        .sort({ _id: -1 })
        .limit(args.first + 1)
        .lean<LeanNotification[]>()
        .exec(),
      this.notifications.countDocuments(filter).exec(),
    ]);
    return toConnection(
      rows,
      args.first,
      totalCount,
      (n) => this.render(this.toEvent(n), lang, this.isRead(n, me)),
      (row) => ({ v: 0, id: row._id.toHexString() }),
    );
  }

  /** Only the caller's own or their organisation's; anything else is not found. */
  async markRead(id: string, user: AuthUser, lang: Language): Promise<NotificationModel> {
    const me = new Types.ObjectId(user.id);
    const found = await this.notifications.findById(objectId(id)).lean<LeanNotification>().exec();
    if (!found || !this.isFor(this.toEvent(found), user))
      throw new DomainException(ErrorCode.NOT_FOUND);
    if (found.userId)
      await this.notifications
        .updateOne({ _id: found._id, readAt: null }, { $set: { readAt: new Date() } })
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
    const title = event.data.title as Translations | undefined;
    const at = typeof event.data.at === 'string' ? warsawWallClock(new Date(event.data.at)) : '';
    const closesAt =
      typeof event.data.closesAt === 'string' ? warsawWallClock(new Date(event.data.closesAt)) : '';
    const message = this.i18n.t(lang)(`zones:notification.${event.kind}`, {
      title: title ? resolveText(title, lang).text : '',
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
