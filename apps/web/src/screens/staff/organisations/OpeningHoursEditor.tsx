import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import {
  addInterval,
  changeInterval,
  removeInterval,
  type Hours,
  type Interval,
} from './opening-hours';

export { hoursInput, hoursOf, type Hours } from './opening-hours';

/**
 * A day's from–to intervals (a weekday's, or an exception's), each removable, and a button to
 * add one. `day` names the day in every label, so that each field says which day it is for.
 */
function Intervals({
  idPrefix,
  day,
  intervals,
  first,
  invalid,
  onChange,
}: {
  idPrefix: string;
  day: string;
  intervals: Interval[];
  first: Interval;
  invalid?: boolean;
  onChange(next: Interval[]): void;
}) {
  const { t } = useTranslation();
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
    <>
      {intervals.map((iv, n) => {
        // a second interval's fields say which one they are: no two fields share a label
        const nth = (key: string) =>
          n === 0 ? t(`staff.org.${key}`, { day }) : t(`staff.org.${key}Nth`, { day, n: n + 1 });
        return (
          <div key={n} className="hours-interval">
            {time(`${idPrefix}-${n}-from`, nth('from'), iv.from, (from) =>
              onChange(changeInterval(intervals, n, { from })),
            )}
            {time(`${idPrefix}-${n}-to`, nth('to'), iv.to, (to) =>
              onChange(changeInterval(intervals, n, { to })),
            )}
            <button type="button" onClick={() => onChange(removeInterval(intervals, n))}>
              {nth('removeHours')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange(addInterval(intervals, first))}>
        {t('staff.org.addHours', { day })}
      </button>
    </>
  );
}

const WORKING_DAY: Interval = { from: '09:00', to: '17:00' };
const SHORT_DAY: Interval = { from: '10:00', to: '14:00' };

/**
 * Weekly opening hours (each day: closed, or one or more from–to intervals) and dated
 * exceptions (closed all day, or one or more special intervals), all in Warsaw time. Every
 * field is labelled with its day; adding and removing is by buttons.
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
  const { t, i18n } = useTranslation();
  const setDay = (day: number, intervals: Interval[]) =>
    onChange({ ...value, weekly: value.weekly.map((d, i) => (i === day ? intervals : d)) });
  const setException = (at: number, change: Partial<Hours['exceptions'][number]>) =>
    onChange({
      ...value,
      exceptions: value.exceptions.map((x, i) => (i === at ? { ...x, ...change } : x)),
    });
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
            <Intervals
              idPrefix={`h-${day}`}
              day={dayName}
              intervals={intervals}
              first={WORKING_DAY}
              invalid={invalid}
              onChange={(next) => setDay(day, next)}
            />
          </fieldset>
        );
      })}

      <h3>{t('staff.org.exceptions')}</h3>
      <p className="hint">{t('staff.org.exceptionsHint')}</p>
      {value.exceptions.map((x, at) => {
        const closed = x.intervals.length === 0;
        const id = (k: string) => `x-${at}-${k}`;
        const dayName = x.date ? formatDate(x.date, i18n.language) : t('staff.org.newException');
        return (
          <fieldset key={at} className="hours-day" data-testid="hours-exception">
            <legend>{dayName}</legend>
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
                    intervals: e.target.checked ? [] : [{ ...SHORT_DAY }],
                  })
                }
              />
              <span>{t('staff.org.closedAllDay')}</span>
            </label>
            <Intervals
              idPrefix={id('h')}
              day={dayName}
              intervals={x.intervals}
              first={SHORT_DAY}
              invalid={invalid}
              onChange={(intervals) => setException(at, { intervals })}
            />
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
