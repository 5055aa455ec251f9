import { ActionState, RecruitmentState } from './models/volunteering.model';

export interface OfferTimes {
  startsAt: Date;
  endsAt: Date;
  recruitmentOpensAt: Date;
  recruitmentClosesAt: Date;
  volunteerLimit: number;
  acceptedCount: number;
  cancelled: boolean;
}

/** Whether people may apply now: inside the window [opensAt, closesAt) of an offer not cancelled. */
export function isRecruiting(o: OfferTimes, now: Date): boolean {
  return !o.cancelled && o.recruitmentOpensAt <= now && now < o.recruitmentClosesAt;
}

export function recruitmentState(o: OfferTimes, now: Date): RecruitmentState {
  if (o.cancelled || now >= o.recruitmentClosesAt) return RecruitmentState.CLOSED;
  if (now < o.recruitmentOpensAt) return RecruitmentState.NOT_OPEN;
  return o.acceptedCount >= o.volunteerLimit ? RecruitmentState.FULL : RecruitmentState.OPEN;
}

export function actionState(o: OfferTimes, now: Date): ActionState {
  if (o.cancelled) return ActionState.CANCELLED;
  if (now < o.startsAt) return ActionState.PLANNED;
  return now < o.endsAt ? ActionState.ONGOING : ActionState.FINISHED;
}

/** Field problems of an offer's times: a window that opens before it closes, before the action. */
export function offerTimeProblems(
  o: Pick<OfferTimes, 'startsAt' | 'endsAt' | 'recruitmentOpensAt' | 'recruitmentClosesAt'>,
) {
  const problems: { field: string; constraint: string }[] = [];
  if (o.endsAt <= o.startsAt) problems.push({ field: 'endsAt', constraint: 'afterStartsAt' });
  if (o.recruitmentClosesAt <= o.recruitmentOpensAt)
    problems.push({ field: 'recruitmentClosesAt', constraint: 'afterRecruitmentOpensAt' });
  if (o.recruitmentClosesAt > o.startsAt)
    problems.push({ field: 'recruitmentClosesAt', constraint: 'notAfterStartsAt' });
  return problems;
}
