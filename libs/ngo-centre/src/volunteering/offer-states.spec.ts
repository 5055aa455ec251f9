import { ActionState, RecruitmentState } from './models/volunteering.model';
import { actionState, isRecruiting, offerTimeProblems, recruitmentState } from './offer-states';

const offer = {
  recruitmentOpensAt: new Date('2027-01-01T00:00:00Z'),
  recruitmentClosesAt: new Date('2027-01-10T00:00:00Z'),
  startsAt: new Date('2027-01-15T09:00:00Z'),
  endsAt: new Date('2027-01-15T15:00:00Z'),
  volunteerLimit: 5,
  acceptedCount: 0,
  cancelled: false,
};

describe('volunteer offer states', () => {
  it('recruitment: not open, open, full at the limit, closed at the deadline or when cancelled', () => {
    expect(recruitmentState(offer, new Date('2026-12-31T23:59:00Z'))).toBe(
      RecruitmentState.NOT_OPEN,
    );
    expect(recruitmentState(offer, new Date('2027-01-05T00:00:00Z'))).toBe(RecruitmentState.OPEN);
    expect(recruitmentState({ ...offer, acceptedCount: 5 }, new Date('2027-01-05T00:00:00Z'))).toBe(
      RecruitmentState.FULL,
    );
    expect(recruitmentState(offer, new Date('2027-01-10T00:00:00Z'))).toBe(RecruitmentState.CLOSED);
    expect(recruitmentState({ ...offer, cancelled: true }, new Date('2027-01-05T00:00:00Z'))).toBe(
      RecruitmentState.CLOSED,
    );
    expect(isRecruiting(offer, new Date('2027-01-09T23:59:59Z'))).toBe(true);
    expect(isRecruiting(offer, new Date('2027-01-10T00:00:00Z'))).toBe(false);
    expect(isRecruiting({ ...offer, acceptedCount: 5 }, new Date('2027-01-05T00:00:00Z'))).toBe(
      true,
    );
  });

  it('action: planned, ongoing, finished, cancelled', () => {
    expect(actionState(offer, new Date('2027-01-15T08:00:00Z'))).toBe(ActionState.PLANNED);
    expect(actionState(offer, new Date('2027-01-15T10:00:00Z'))).toBe(ActionState.ONGOING);
    expect(actionState(offer, new Date('2027-01-15T15:00:00Z'))).toBe(ActionState.FINISHED);
    expect(actionState({ ...offer, cancelled: true }, new Date('2027-01-15T10:00:00Z'))).toBe(
      ActionState.CANCELLED,
    );
  });

  it('refuses windows that end before they open or after the action starts', () => {
    expect(offerTimeProblems(offer)).toEqual([]);
    expect(
      offerTimeProblems({ ...offer, recruitmentClosesAt: new Date('2027-01-16T00:00:00Z') }),
    ).toEqual([{ field: 'recruitmentClosesAt', constraint: 'notAfterStartsAt' }]);
    expect(offerTimeProblems({ ...offer, endsAt: offer.startsAt })).toEqual([
      { field: 'endsAt', constraint: 'afterStartsAt' },
    ]);
  });
});
