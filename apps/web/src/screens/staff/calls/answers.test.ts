import { describe, expect, it } from 'vitest';
import { fromValues, timeLeft, toValues } from './answers';

const FORM = [
  { key: 'name', type: 'short_text' },
  { key: 'why', type: 'long_text' },
  { key: 'size', type: 'single_choice' },
  { key: 'people', type: 'number' },
  { key: 'start', type: 'date' },
  { key: 'before', type: 'yes_no' },
];

describe('call answers', () => {
  it('puts every field type in its slot, leaves empty answers out, and reads them back', () => {
    const values = toValues(FORM, {
      name: ' Filia 5 ',
      why: '',
      size: 'big',
      people: '12,5',
      start: '2027-01-10',
      before: 'no',
    });
    expect(values).toEqual([
      { key: 'name', text: 'Filia 5' },
      { key: 'size', choice: 'big' },
      { key: 'people', number: 12.5 },
      { key: 'start', date: '2027-01-10' },
      { key: 'before', yesNo: false },
    ]);
    expect(fromValues(values)).toEqual({
      name: 'Filia 5',
      size: 'big',
      people: '12.5',
      start: '2027-01-10',
      before: 'no',
    });
  });

  it('counts the time left to a deadline, and nothing after it', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(timeLeft('2026-12-06T13:30:00Z', now)).toEqual({ days: 2, hours: 3, minutes: 30 });
    expect(timeLeft('2026-12-04T10:00:00Z', now)).toBeNull();
  });
});
