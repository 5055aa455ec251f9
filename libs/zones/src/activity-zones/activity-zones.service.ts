import { Injectable } from '@nestjs/common';
import { isDuplicateKey } from '@sasiad/core';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { CallOutcomeHandler, CallProgramme } from '../calls/call-programme';
import { OrganisationsService } from '../organisations/organisations.service';
import { ActivityZone } from './activity-zone.schema';
import { ActivityZoneModel } from './models/activity-zone.model';
import { zonesModel } from '../common/model-name';

type LeanZone = ActivityZone & { _id: Types.ObjectId };

/** Activity zones: made from accepted applications of activity-zone calls. */
@Injectable()
export class ActivityZonesService implements CallOutcomeHandler {
  readonly programme = CallProgramme.activity_zones;

  constructor(
    @InjectModel(zonesModel(ActivityZone)) private readonly zones: Model<ActivityZone>,
    private readonly organisations: OrganisationsService,
  ) {}

  async onAccepted(
    callId: string,
    accepted: { applicationId: string; organisationId: string }[],
  ): Promise<void> {
    for (const a of accepted) {
      try {
        await this.zones.create({
          callId: new Types.ObjectId(callId),
          applicationId: new Types.ObjectId(a.applicationId),
          organisationId: new Types.ObjectId(a.organisationId),
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  async list(): Promise<ActivityZoneModel[]> {
    const rows = await this.zones.find({}).sort({ _id: 1 }).limit(500).lean<LeanZone[]>().exec();
    const organisations = await this.organisations.findMany(
      rows.map((z) => z.organisationId.toHexString()),
    );
    return rows.flatMap((z) => {
      const organisation = organisations.find((o) => o.id === z.organisationId.toHexString());
      return organisation
        ? [
            {
              id: z._id.toHexString(),
              organisation,
              callId: z.callId.toHexString(),
              since: z.createdAt,
            },
          ]
        : [];
    });
  }
}
