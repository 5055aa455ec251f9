import { registerEnumType } from '@nestjs/graphql';

/** Who may apply to a micro-grant call. */
export enum ApplicantKind {
  ORGANISATION = 'ORGANISATION',
  INFORMAL_GROUP = 'INFORMAL_GROUP',
}
registerEnumType(ApplicantKind, { name: 'GrantApplicantKind' });

/** Programme-scoped roles, assigned by an admin to people of the operator organisation. */
export enum GrantStaffRole {
  OPERATOR_STAFF = 'OPERATOR_STAFF',
  FINANCE = 'FINANCE',
}
registerEnumType(GrantStaffRole, { name: 'GrantStaffRole' });

/** The formal life of an application, before and after the formal check. */
export enum GrantApplicationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  CORRECTION_REQUESTED = 'CORRECTION_REQUESTED',
  FORMALLY_ACCEPTED = 'FORMALLY_ACCEPTED',
  FORMALLY_REJECTED = 'FORMALLY_REJECTED',
}
registerEnumType(GrantApplicationStatus, { name: 'GrantApplicationStatus' });

export enum FormalCheckOutcome {
  PASSED = 'PASSED',
  CORRECTIONS_NEEDED = 'CORRECTIONS_NEEDED',
  REJECTED = 'REJECTED',
}
registerEnumType(FormalCheckOutcome, { name: 'FormalCheckOutcome' });

export enum GrantDecisionOutcome {
  FUNDED = 'FUNDED',
  CONDITIONAL = 'CONDITIONAL',
  RESERVE = 'RESERVE',
  REJECTED = 'REJECTED',
}
registerEnumType(GrantDecisionOutcome, { name: 'GrantDecisionOutcome' });

/** After publication: a funded project runs, or was withdrawn by its applicant. */
export enum GrantProjectStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(GrantProjectStatus, { name: 'GrantProjectStatus' });

/** Outcomes that take money from the pool. */
export const FUNDING_OUTCOMES = [GrantDecisionOutcome.FUNDED, GrantDecisionOutcome.CONDITIONAL];
