import { Injectable, Logger } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InjectModel } from '@nestjs/mongoose';
import { Model, trusted, Types } from 'mongoose';
import { AuthUser, I18nService, Language, logFailure, Role } from '@sasiad/core';
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
  ) {}

  async notify(
    to: { organisationId?: Types.ObjectId; userId?: Types.ObjectId },
    kind: NgoNotificationKind,
    data: Record<string, string>,
  ): Promise<void> {
    try {
      await this.notifications.create({ ...to, kind, data });
    } catch (error) {
      logFailure(this.logger, 'ngo notification', error, { kind });
    }
  }

  /** Mine and my organisations', newest first (at most 50). */
  async mine(user: AuthUser, lang: Language): Promise<NgoNotificationModel[]> {
    const organisations = (await this.members.mine(user))
      .filter((m) => m.state === 'ACTIVE')
      .map((m) => new Types.ObjectId(m.organisationId));
    if (user.roles.includes(Role.library) && user.organisationId)
      organisations.push(new Types.ObjectId(user.organisationId));
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
    const t = this.i18n.t(lang);
    return rows.map((n) => ({
      id: n._id.toHexString(),
      kind: n.kind,
      message: t(`ngoCentre:notification.${n.kind}`, n.data),
      organisationId: n.organisationId?.toHexString() ?? null,
      createdAt: n.createdAt,
    }));
  }

  /** USER_ERASED: notifications to the person go; they leave the read state of shared ones. */
  async forgetUser(userId: string): Promise<void> {
    const id = new Types.ObjectId(userId);
    await this.notifications.deleteMany({ userId: id }).exec();
    await this.notifications.updateMany({ readBy: id }, { $pull: { readBy: id } }).exec();
  }
}
