import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

describe('dates in Warsaw time, in the reader’s language', () => {
  it('shows Warsaw wall-clock time across the DST change', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'pl')).toContain('14:00');
    expect(formatDateTime('2026-12-01T12:00:00Z', 'pl')).toContain('13:00');
  });

  it('writes Belarusian dates in Belarusian, also where the runtime has no Belarusian formats', () => {
    expect(formatDate('2026-12-04T01:50:00Z', 'be')).toMatch(/^4 снежня 2026/);
    expect(formatDateTime('2026-12-04T01:50:00Z', 'be')).toMatch(/^4 снежня 2026 г\. у 02:50$/);
  });

  it('uses the genitive month names in Ukrainian and Russian', () => {
    expect(formatDate('2026-11-23T10:00:00Z', 'uk')).toContain('листопада');
    expect(formatDate('2026-11-23T10:00:00Z', 'ru')).toContain('ноября');
  });
});
