import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { zonesModel } from '../common/model-name';
import { EventRegistration } from './event-registration.schema';
import { Event } from './event.schema';

/**
 * Erasure of a staff or admin account from events: the events they created and the check-ins
 * they recorded stay (the attendance counts), without the link to them. Registrants' own
 * erasure is RegistrantDataService.forgetUser. Kept apart from it on purpose: two services
 * write these collections, each only the fields named here.
 */
@Injectable()
export class EventStaffErasureService {
  constructor(
    @InjectModel(zonesModel(Event)) private readonly events: Model<Event>,
    @InjectModel(zonesModel(EventRegistration))
    private readonly registrations: Model<EventRegistration>,
  ) {}

  async forgetStaff(userId: string): Promise<void> {
    const user = new Types.ObjectId(userId);
    await this.events.updateMany({ createdBy: user }, { $unset: { createdBy: 1 } }).exec();
    await this.registrations
      .updateMany({ checkedInBy: user }, { $unset: { checkedInBy: 1 } })
      .exec();
  }
}
