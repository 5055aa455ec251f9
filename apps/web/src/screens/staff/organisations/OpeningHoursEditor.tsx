import { useTranslation } from 'react-i18next';
import type { Hours, Interval } from './opening-hours';

export { hoursInput, hoursOf, type Hours } from './opening-hours';

/**
 * Weekly opening hours (each day: closed, or one or more from–to intervals) and dated
 * exceptions (closed all day, or special hours), all in Warsaw time. Every field is labelled
 * with its day; adding and removing is by buttons.
 */
export function OpeningHoursEditor({
  value,
  onChange,
  invalid,
  legend,
  hint,
}: {
  value: Hours;
  onChange(next: Hours): void;
  invalid?: boolean;
  /** Instead of "Opening hours" (e.g. an adviser's availability). */
  legend?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const setDay = (day: number, intervals: Interval[]) =>
    onChange({ ...value, weekly: value.weekly.map((d, i) => (i === day ? intervals : d)) });
  const setException = (at: number, change: Partial<Hours['exceptions'][number]>) =>
    onChange({
      ...value,
      exceptions: value.exceptions.map((x, i) => (i === at ? { ...x, ...change } : x)),
    });
  const time = (id: string, label: string, v: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="time"
        step={300}
        required
        aria-invalid={invalid || undefined}
        value={v}
        onChange={(e) => set(e.target.value)}
      />
    </div>
  );

  return (
    <fieldset className="opening-hours" id="opening-hours">
      <legend>{legend ?? t('staff.org.hours')}</legend>
      <p className="hint">{hint ?? t('staff.org.hoursHint')}</p>
      {value.weekly.map((intervals, day) => {
        const dayName = t(`staff.org.weekday.${day + 1}`);
        return (
          <fieldset key={day} className="hours-day" data-testid={`weekday-${day + 1}`}>
            <legend>{dayName}</legend>
            {intervals.length === 0 && <p className="hint">{t('staff.org.closed')}</p>}
            {intervals.map((iv, n) => (
              <div key={n} className="hours-interval">
                {time(
                  `h-${day}-${n}-from`,
                  t('staff.org.from', { day: dayName }),
                  iv.from,
                  (from) =>
                    setDay(
                      day,
                      intervals.map((x, j) => (j === n ? { ...x, from } : x)),
                    ),
                )}
                {time(`h-${day}-${n}-to`, t('staff.org.to', { day: dayName }), iv.to, (to) =>
                  setDay(
                    day,
                    intervals.map((x, j) => (j === n ? { ...x, to } : x)),
                  ),
                )}
                <button
                  type="button"
                  onClick={() =>
                    setDay(
                      day,
                      intervals.filter((_, j) => j !== n),
                    )
                  }
                >
                  {t('staff.org.removeHours', { day: dayName })}
                </button>
              </div>
            ))}
            <button
              type="button"
              onClick={() =>
                setDay(day, [
                  ...intervals,
                  intervals.length ? { from: '', to: '' } : { from: '09:00', to: '17:00' },
                ])
              }
            >
              {t('staff.org.addHours', { day: dayName })}
            </button>
          </fieldset>
        );
      })}

      <h3>{t('staff.org.exceptions')}</h3>
      <p className="hint">{t('staff.org.exceptionsHint')}</p>
      {value.exceptions.map((x, at) => {
        const closed = x.intervals.length === 0;
        const id = (k: string) => `x-${at}-${k}`;
        return (
          <fieldset key={at} className="hours-day" data-testid="hours-exception">
            <legend>{x.date || t('staff.org.newException')}</legend>
            <div className="form-grid">
              <div>
                <label htmlFor={id('date')}>{t('staff.org.date')}</label>
                <input
                  id={id('date')}
                  type="date"
                  required
                  value={x.date}
                  onChange={(e) => setException(at, { date: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={id('note')}>{t('staff.org.note')}</label>
                <input
                  id={id('note')}
                  maxLength={100}
                  value={x.note}
                  onChange={(e) => setException(at, { note: e.target.value })}
                />
              </div>
            </div>
            <label className="choice">
              <input
                type="checkbox"
                checked={closed}
                onChange={(e) =>
                  setException(at, {
                    intervals: e.target.checked ? [] : [{ from: '10:00', to: '14:00' }],
                  })
                }
              />
              <span>{t('staff.org.closedAllDay')}</span>
            </label>
            {!closed && (
              <div className="hours-interval">
                {time(id('from'), t('staff.org.exceptionFrom'), x.intervals[0].from, (from) =>
                  setException(at, { intervals: [{ ...x.intervals[0], from }] }),
                )}
                {time(id('to'), t('staff.org.exceptionTo'), x.intervals[0].to, (to) =>
                  setException(at, { intervals: [{ ...x.intervals[0], to }] }),
                )}
              </div>
            )}
            <button
              type="button"
              className="danger"
              onClick={() =>
                onChange({ ...value, exceptions: value.exceptions.filter((_, i) => i !== at) })
              }
            >
              {t('staff.org.removeException')}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...value,
            exceptions: [...value.exceptions, { date: '', note: '', intervals: [] }],
          })
        }
      >
        {t('staff.org.addException')}
      </button>
    </fieldset>
  );
}
