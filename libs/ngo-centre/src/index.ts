export * from './ngo-centre.module';
export { NgoNotificationsService } from './notifications/ngo-notifications.service';
export { NgoNotificationKind } from './notifications/ngo-notification.schema';
