import {
  callPhase,
  criteriaChangeProblems,
  formChangeProblems,
  windowChange,
} from './call-changes';
import { FormField, FormFieldType } from './form';

const label = { pl: 'Pytanie' };
const form: FormField[] = [
  {
    key: 'why',
    type: FormFieldType.long_text,
    label,
    required: true,
    minLength: 10,
    maxLength: 500,
  },
  { key: 'people', type: FormFieldType.number, label, required: false, min: 1, max: 100 },
  {
    key: 'district',
    type: FormFieldType.single_choice,
    label,
    required: false,
    options: [
      { key: 'baluty', label },
      { key: 'widzew', label },
    ],
  },
];

describe('changes to a call already open', () => {
  it('lets the form grow: new labels, order, optional fields, options and looser limits', () => {
    const grown: FormField[] = [
      { ...form[2], options: [...form[2].options!, { key: 'polesie', label }] },
      { ...form[0], label: { pl: 'Dlaczego?' }, minLength: 5, maxLength: 800 },
      { ...form[1], required: false, min: undefined, max: 200 },
      { key: 'website', type: FormFieldType.short_text, label, required: false, maxLength: 200 },
    ];
    expect(formChangeProblems(form, grown)).toEqual([]);
  });

  it('names every change that could invalidate answers already given', () => {
    const broken: FormField[] = [
      { ...form[0], required: true, minLength: 20, maxLength: 300 },
      { ...form[1], type: FormFieldType.short_text, min: undefined, max: undefined },
      { key: 'budget', type: FormFieldType.number, label, required: true },
    ];
    expect(formChangeProblems(form, broken)).toEqual([
      { field: 'form.why', constraint: 'minLengthRaised' },
      { field: 'form.why', constraint: 'maxLengthLowered' },
      { field: 'form.people', constraint: 'typeChanged' },
      { field: 'form.district', constraint: 'removed' },
      { field: 'form.budget', constraint: 'newFieldRequired' },
    ]);
    const tighter: FormField[] = [
      { ...form[0] },
      { ...form[1], required: true, min: 2, max: 99 },
      { ...form[2], options: [form[2].options![1]] },
    ];
    expect(formChangeProblems(form, tighter)).toEqual([
      { field: 'form.people', constraint: 'madeRequired' },
      { field: 'form.people', constraint: 'minRaised' },
      { field: 'form.people', constraint: 'maxLowered' },
      { field: 'form.district.options.baluty', constraint: 'removed' },
    ]);
  });

  it('compares criteria by key and points, not by label', () => {
    const before = [
      { key: 'idea', maxPoints: 10 },
      { key: 'reach', maxPoints: 5 },
    ];
    expect(criteriaChangeProblems(before, [...before].reverse())).toEqual([]);
    expect(
      criteriaChangeProblems(before, [
        { key: 'idea', maxPoints: 20 },
        { key: 'budget', maxPoints: 5 },
      ]),
    ).toEqual([
      { field: 'criteria.idea', constraint: 'maxPointsChanged' },
      { field: 'criteria.reach', constraint: 'removed' },
      { field: 'criteria.budget', constraint: 'added' },
    ]);
  });
});

describe('the window of a call', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const at = (iso: string) => new Date(iso);
  const open = { opensAt: at('2026-11-20T08:00:00Z'), closesAt: at('2026-11-30T22:59:00Z') };

  it('knows the phase by the server clock, to the millisecond', () => {
    expect(
      callPhase({ opensAt: at('2026-11-23T10:00:00.001Z'), closesAt: open.closesAt }, now),
    ).toBe('beforeOpen');
    expect(callPhase(open, now)).toBe('open');
    expect(callPhase({ opensAt: open.opensAt, closesAt: now }, now)).toBe('closed');
  });

  it('moves freely before opening', () => {
    const future = { opensAt: at('2026-12-01T08:00:00Z'), closesAt: at('2026-12-10T08:00:00Z') };
    const moved = windowChange(
      'beforeOpen',
      future,
      at('2026-12-02T08:00:00Z'),
      at('2026-12-05T08:00:00Z'),
      now,
    );
    expect(moved).toEqual({ problems: [], closesAt: at('2026-12-05T08:00:00Z'), extended: false });
  });

  it('while open: later is an extension, now or earlier closes at once, earlier but ahead is refused', () => {
    const later = windowChange('open', open, open.opensAt, at('2026-12-07T22:59:00Z'), now);
    expect(later).toEqual({ problems: [], closesAt: at('2026-12-07T22:59:00Z'), extended: true });
    const past = windowChange('open', open, open.opensAt, at('2026-11-22T00:00:00Z'), now);
    expect(past).toEqual({ problems: [], closesAt: now, extended: false });
    expect(
      windowChange('open', open, open.opensAt, at('2026-11-25T00:00:00Z'), now).problems,
    ).toEqual([{ field: 'closesAt', constraint: 'shortened' }]);
    expect(
      windowChange('open', open, at('2026-11-21T08:00:00Z'), open.closesAt, now).problems,
    ).toEqual([{ field: 'opensAt', constraint: 'alreadyOpen' }]);
    expect(windowChange('open', open, open.opensAt, open.closesAt, now)).toEqual({
      problems: [],
      closesAt: open.closesAt,
      extended: false,
    });
  });

  it('keeps a closed call closed', () => {
    const closed = { opensAt: open.opensAt, closesAt: at('2026-11-22T00:00:00Z') };
    expect(
      windowChange('closed', closed, closed.opensAt, at('2026-12-07T00:00:00Z'), now).problems,
    ).toEqual([{ field: 'closesAt', constraint: 'callClosed' }]);
  });
});
