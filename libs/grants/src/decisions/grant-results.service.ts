import { Injectable } from '@nestjs/common';
import type { TFunction } from 'i18next';
import { Language } from '@sasiad/core';
import { OrganisationsService, toCsv } from '@sasiad/zones';
import { GrantProjectStatus } from '../common/enums';
import { textFor } from '../common/texts';
import { ApplicationStore } from '../applications/application-store';
import { pln } from '../applications/submission';
import { GrantCallsService } from '../programme/grant-calls.service';
import { GrantResultsModel } from './models/grant-results.model';
import { ProjectAccess } from '../projects/project-access';
import { ReportKind, ReportStatus } from '../projects/project-enums';

/** The public results of a call: funded (running) projects and the programme's totals. */
@Injectable()
export class GrantResultsService {
  constructor(
    private readonly store: ApplicationStore,
    private readonly grantCalls: GrantCallsService,
    private readonly organisations: OrganisationsService,
    private readonly projects: ProjectAccess,
  ) {}

  async results(grantCallId: string, lang: Language, t: TFunction): Promise<GrantResultsModel> {
    const grantCall = await this.grantCalls.findRaw(grantCallId);
    const rows = grantCall.publishedAt
      ? await this.store.find(
          { grantCallId: grantCall._id, projectStatus: GrantProjectStatus.ACTIVE },
          1000,
        )
      : [];
    const orgs = await this.organisations.findMany(rows.map((a) => a.organisationId.toHexString()));
    const projects = rows.map((a) => {
      const area = grantCall.thematicAreas.find((x) => x.key === a.thematicArea);
      return {
        applicationId: a._id.toHexString(),
        title: a.title,
        applicant: orgs.find((o) => o.id === a.organisationId.toHexString())?.name ?? '',
        thematicArea: area ? textFor(area.label, lang, grantCall.baseLanguage) : null,
        grantedGrosze: a.committedGrosze,
        plannedResidents: a.residents,
        plannedRefugees: a.refugees,
      };
    });
    const sum = (f: (p: (typeof projects)[number]) => number) =>
      projects.reduce((s, p) => s + f(p), 0);
    const totals = {
      fundedProjects: projects.length,
      grantedGrosze: sum((p) => p.grantedGrosze),
      plannedResidents: sum((p) => p.plannedResidents),
      plannedRefugees: sum((p) => p.plannedRefugees),
    };
    const finals = (
      await this.projects.model.find({ grantCallId: grantCall._id }).limit(1000).lean().exec()
    ).flatMap((p) =>
      p.reports.filter((r) => r.kind === ReportKind.FINAL && r.status === ReportStatus.ACCEPTED),
    );
    return {
      grantCallId,
      reportedResidents: finals.reduce((s, r) => s + r.residents, 0),
      reportedRefugees: finals.reduce((s, r) => s + r.refugees, 0),
      headline: t('grants:results.headline', {
        count: totals.fundedProjects,
        amount: pln(totals.grantedGrosze),
        people: totals.plannedResidents + totals.plannedRefugees,
      }),
      poolGrosze: grantCall.poolGrosze,
      ...totals,
      projects,
    };
  }

  /** The funded projects as CSV for the city's reporting (RFC 4180, formulas defused). */
  async csv(grantCallId: string, t: TFunction): Promise<string> {
    const grantCall = await this.grantCalls.findRaw(grantCallId);
    const results = await this.results(grantCallId, grantCall.baseLanguage, t);
    const numbers = new Map(
      (await this.store.find({ grantCallId: grantCall._id }, 1000)).map((a) => [
        a._id.toHexString(),
        a.number ?? '',
      ]),
    );
    return toCsv(
      [
        'number',
        'title',
        'applicant',
        'thematic_area',
        'granted_pln',
        'planned_residents',
        'planned_refugees',
      ],
      results.projects.map((p) => [
        numbers.get(p.applicationId),
        p.title,
        p.applicant,
        p.thematicArea?.text ?? '',
        (p.grantedGrosze / 100).toFixed(2),
        p.plannedResidents,
        p.plannedRefugees,
      ]),
    );
  }
}
