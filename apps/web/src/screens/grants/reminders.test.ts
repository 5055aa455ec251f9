import { describe, expect, it } from 'vitest';
import { currentReminders } from './reminders';

const r = (id: string, applicationId: string, kind: string, dueAt: string) => ({
  id,
  applicationId,
  kind,
  dueAt,
  message: id,
});

describe('currentReminders', () => {
  it('keeps the newest reminder per report, overdue first, then by due date', () => {
    const now = Date.parse('2028-01-10T12:00:00Z');
    const rows = currentReminders(
      [
        r('a-overdue', 'a', 'REPORT_OVERDUE', '2028-01-05T23:00:00Z'),
        r('b-soon', 'b', 'REPORT_DUE_SOON', '2028-01-14T23:00:00Z'),
        r('a-soon', 'a', 'REPORT_DUE_SOON', '2028-01-05T23:00:00Z'),
        r('c-soon', 'c', 'REPORT_DUE_SOON', '2028-01-12T23:00:00Z'),
      ],
      now,
    );
    expect(rows.map((x) => [x.id, x.overdue])).toEqual([
      ['a-overdue', true],
      ['c-soon', false],
      ['b-soon', false],
    ]);
  });

  it('marks a "due soon" reminder overdue once its date has passed', () => {
    const [row] = currentReminders(
      [r('x', 'a', 'REPORT_DUE_SOON', '2028-01-05T23:00:00Z')],
      Date.parse('2028-01-06T00:00:00Z'),
    );
    expect(row.overdue).toBe(true);
  });
});
