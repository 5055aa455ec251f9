import { Injectable, Logger } from '@nestjs/common';
import {
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import {
  AuthUser,
  DomainException,
  ErrorCode,
  EventBus,
  I18nService,
  Language,
  logFailure,
  Role,
} from '@sasiad/core';
import { MembersService } from '../directory/members.service';
import { NgoNotification, NgoNotificationKind } from './ngo-notification.schema';

registerEnumType(NgoNotificationKind, { name: 'NgoNotificationKind' });

@ObjectType('NgoNotification')
export class NgoNotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => NgoNotificationKind)
  kind: NgoNotificationKind;

  @Field({ description: "In the reader's language." })
  message: string;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field({ description: 'Read by the caller (each person of an organisation marks their own).' })
  read: boolean;
}

@InputType()
export class MarkNgoNotificationReadInput {
  /** Not checked as an id: a malformed one answers NOT_FOUND, like an id of nothing. */
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  notificationId: string;
}

/** Published after a notification is stored; the subscription filters it per reader. */
export const NGO_NOTIFICATION_CREATED = 'ngo.notification.created';

export interface NgoNotificationEvent {
  id: string;
  userId: string | null;
  organisationId: string | null;
  kind: NgoNotificationKind;
  data: Record<string, string>;
  createdAt: string;
}

type LeanNotification = NgoNotification & { _id: Types.ObjectId };

/** In-app notifications of the centre: written after the write they report, never thrown. */
@Injectable()
export class NgoNotificationsService {
  private readonly logger = new Logger(NgoNotificationsService.name);

  constructor(
    @InjectModel(NgoNotification.name) private readonly notifications: Model<NgoNotification>,
    private readonly members: MembersService,
    private readonly i18n: I18nService,
    private readonly bus: EventBus,
  ) {}

  async notify(
    to: { organisationId?: Types.ObjectId; userId?: Types.ObjectId },
    kind: NgoNotificationKind,
    data: Record<string, string>,
  ): Promise<void> {
    try {
      // stored first, then announced: a live reader re-reads nothing it could miss
      const created = await this.notifications.create({ ...to, kind, data });
      await this.bus.publish<NgoNotificationEvent>(NGO_NOTIFICATION_CREATED, {
        id: created._id.toHexString(),
        userId: created.userId?.toHexString() ?? null,
        organisationId: created.organisationId?.toHexString() ?? null,
        kind,
        data,
        createdAt: created.createdAt.toISOString(),
      });
    } catch (error) {
      logFailure(this.logger, 'ngo notification', error, { kind });
    }
  }

  /** The organisations whose notifications the person reads (active member or coordinator). */
  private async organisationsOf(user: AuthUser): Promise<string[]> {
    const ids = (await this.members.mine(user))
      .filter((m) => m.state === 'ACTIVE')
      .map((m) => m.organisationId);
    if (user.roles.includes(Role.library) && user.organisationId) ids.push(user.organisationId);
    return ids;
  }

  /** Mine and my organisations', newest first (at most 50). */
  async mine(user: AuthUser, lang: Language): Promise<NgoNotificationModel[]> {
    const organisations = (await this.organisationsOf(user)).map((id) => new Types.ObjectId(id));
    const rows = await this.notifications
      .find({
        $or: [
          { userId: new Types.ObjectId(user.id) },
          { organisationId: trusted({ $in: organisations }) },
        ],
      })
      .sort({ _id: -1 })
      .limit(50)
      .lean<LeanNotification[]>()
      .exec();
    return rows.map((n) => this.render(this.toEvent(n), lang, this.isRead(n, user)));
  }

  /** Marks one of mine (or my organisations') read for me; anything else is not found. */
  async markRead(id: string, user: AuthUser, lang: Language): Promise<NgoNotificationModel> {
    const found = Types.ObjectId.isValid(id)
      ? await this.notifications.findById(new Types.ObjectId(id)).lean<LeanNotification>().exec()
      : null;
    if (!found || !(await this.isFor(this.toEvent(found), user)))
      throw new DomainException(ErrorCode.NOT_FOUND);
    await this.notifications
      .updateOne({ _id: found._id }, { $addToSet: { readBy: new Types.ObjectId(user.id) } })
      .exec();
    return this.render(this.toEvent(found), lang, true);
  }

  /** Whether a new notification is for this reader (the subscription's filter). */
  async isFor(event: NgoNotificationEvent, user: AuthUser | null | undefined): Promise<boolean> {
    if (!user) return false;
    if (event.userId) return event.userId === user.id;
    return (
      !!event.organisationId && (await this.organisationsOf(user)).includes(event.organisationId)
    );
  }

  /** The message in the reader's language, rendered now. */
  render(event: NgoNotificationEvent, lang: Language, read: boolean): NgoNotificationModel {
    return {
      id: event.id,
      kind: event.kind,
      message: this.i18n.t(lang)(`ngoCentre:notification.${event.kind}`, event.data),
      organisationId: event.organisationId,
      createdAt: new Date(event.createdAt),
      read,
    };
  }

  private isRead(n: LeanNotification, user: AuthUser): boolean {
    return (n.readBy ?? []).some((id) => id.toHexString() === user.id);
  }

  private toEvent(n: LeanNotification): NgoNotificationEvent {
    return {
      id: n._id.toHexString(),
      userId: n.userId?.toHexString() ?? null,
      organisationId: n.organisationId?.toHexString() ?? null,
      kind: n.kind,
      data: n.data ?? {},
      createdAt: n.createdAt.toISOString(),
    };
  }

  /** USER_ERASED: notifications to the person go; they leave the read state of shared ones. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.notifications.deleteMany({ userId: id }).exec();
    await this.notifications.updateMany({ readBy: id }, { $pull: { readBy: id } }).exec();
  }
}
