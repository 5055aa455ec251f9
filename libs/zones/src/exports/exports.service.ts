import { Injectable } from '@nestjs/common';
import { AuthUser, toWarsawIso } from '@sasiad/core';
import { ApplicationsService } from '../applications/applications.service';
import { FormValueModel } from '../applications/models/application.model';
import { CallsService } from '../calls/calls.service';
import { CsvCell, toCsv } from '../common/csv';
import { DecisionsService } from '../decisions/decisions.service';
import { EventViewsService } from '../events/event-views.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ReviewsService } from '../reviews/reviews.service';

/**
 * CSV exports for the programme's admins, and an event's registrations for whoever runs the
 * event (staff, or the coordinator of the hosting organisation: checked by the events part). Reads only through the other parts' services; the
 * CSV writer defuses formulas, so answers typed by applicants cannot run in a spreadsheet.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly calls: CallsService,
    private readonly applications: ApplicationsService,
    private readonly organisations: OrganisationsService,
    private readonly reviews: ReviewsService,
    private readonly decisions: DecisionsService,
    private readonly events: EventViewsService,
  ) {}

  /**
   * One row per registration: the code's suffix only, status (checked-in once checked in),
   * waitlist number, interpretation needs; name and contact only for people registered without
   * an account (an account is its user id: its data stays in identity); the declared audience
   * group, whether staff verified it, and the pool of a confirmed seat.
   */
  async eventRegistrationsCsv(eventId: string, user: AuthUser): Promise<string> {
    const rows = (await this.events.forExport(eventId, user)).map(
      ({ registrant: r, codeSuffix }): CsvCell[] => [
        r.id,
        codeSuffix,
        r.checkedInAt ? 'checked-in' : r.status,
        r.waitlistSeq,
        r.interpretationNeeds.join(' '),
        r.userId,
        r.userId ? null : r.name,
        r.userId ? null : r.contact,
        toWarsawIso(r.createdAt),
        r.checkedInAt ? toWarsawIso(r.checkedInAt) : null,
        r.group,
        r.groupVerified,
        r.seat,
      ],
    );
    return toCsv(
      [
        'registrationId',
        'codeSuffix',
        'status',
        'waitlistNumber',
        'interpretationNeeds',
        'userId',
        'name',
        'contact',
        'registeredAt',
        'checkedInAt',
        'group',
        'groupVerified',
        'seat',
      ],
      rows,
    );
  }

  /**
   * One row per application of the call: organisation, status, submission time in Warsaw, each
   * form field by key, each criterion's mean score, the mean total and rank, the decision.
   */
  async applicationsCsv(callId: string): Promise<string> {
    const call = await this.calls.findRaw(callId);
    const [applications, ranking, means, decisions] = await Promise.all([
      this.applications.allOf(call._id),
      this.reviews.ranking(callId),
      this.reviews.criterionMeans(call._id),
      this.decisions.ofCall(call._id),
    ]);
    const organisations = new Map(
      (
        await this.organisations.findMany([...new Set(applications.map((a) => a.organisationId))])
      ).map((o) => [o.id, o.name]),
    );
    const ranks = new Map(ranking.map((r) => [r.applicationId, r]));
    const fieldKeys = call.form.map((f) => f.key);
    const criterionKeys = call.criteria.map((c) => c.key);
    const header = [
      'applicationId',
      'organisation',
      'status',
      'submittedAt',
      ...fieldKeys,
      ...criterionKeys.map((k) => `mean:${k}`),
      'meanTotal',
      'rank',
      'decision',
    ];
    const rows = applications.map((a): CsvCell[] => {
      const values = new Map(a.values.map((v) => [v.key, cellOf(v)]));
      const ranked = ranks.get(a.id);
      const own = means.get(a.id);
      return [
        a.id,
        organisations.get(a.organisationId) ?? a.organisationId,
        a.status,
        a.submittedAt ? toWarsawIso(a.submittedAt) : null,
        ...fieldKeys.map((k) => values.get(k)),
        ...criterionKeys.map((k) => own?.get(k)),
        ranked?.averageTotal,
        ranked && ranked.averageTotal !== null ? ranked.rank : null,
        decisions.get(a.id),
      ];
    });
    return toCsv(header, rows);
  }
}

function cellOf(value: FormValueModel): CsvCell {
  return value.text ?? value.choice ?? value.number ?? value.date ?? value.yesNo;
}
