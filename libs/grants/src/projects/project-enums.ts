import { registerEnumType } from '@nestjs/graphql';

export enum AgreementStatus {
  AWAITING_CONFIRMATION = 'AWAITING_CONFIRMATION',
  SIGNED = 'SIGNED',
}
registerEnumType(AgreementStatus, { name: 'GrantAgreementStatus' });

/** Operator staff approve, then finance approves (another person), then finance marks it paid. */
export enum TrancheStatus {
  PLANNED = 'PLANNED',
  STAFF_APPROVED = 'STAFF_APPROVED',
  FINANCE_APPROVED = 'FINANCE_APPROVED',
  PAID = 'PAID',
}
registerEnumType(TrancheStatus, { name: 'GrantTrancheStatus' });

export enum ChangeStatus {
  AUTO_ACCEPTED = 'AUTO_ACCEPTED',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}
registerEnumType(ChangeStatus, { name: 'GrantChangeStatus' });

export enum ReportKind {
  PARTIAL = 'PARTIAL',
  FINAL = 'FINAL',
}
registerEnumType(ReportKind, { name: 'GrantReportKind' });

export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  CORRECTIONS_REQUESTED = 'CORRECTIONS_REQUESTED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(ReportStatus, { name: 'GrantReportStatus' });
