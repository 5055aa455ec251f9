import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { AskerLanguage } from '../staff-labels';
import { InfoPointStatsQuery } from '../../../graphql/staff-admin';
import { toCsv, warsawMidnight } from './stats-format';
import { ForumStats } from './ForumStats';
import { AcademyStats } from '../academy/AcademyStats';

const DAY = 86_400_000;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/**
 * The information point's figures for a period (Warsaw calendar days): answered, backlog and the
 * median first response per topic and language, as a chart and a table, and as CSV.
 */
export function StatsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => daysBefore(today(), 29));
  const [to, setTo] = useState(today);
  const valid = from <= to;
  const variables = useMemo(
    () => ({ from: warsawMidnight(from), to: warsawMidnight(daysBefore(to, -1)) }),
    [from, to],
  );
  const [res] = useQuery({ query: InfoPointStatsQuery, variables, pause: !valid });
  const rows = res.data?.infoPointStats.rows ?? [];
  const byTopic = useMemo(() => {
    const m = new Map<string, { answered: number; backlog: number }>();
    for (const r of rows) {
      const x = m.get(r.topic) ?? { answered: 0, backlog: 0 };
      m.set(r.topic, { answered: x.answered + r.answered, backlog: x.backlog + r.backlog });
    }
    return [...m.entries()].sort(
      (a, b) => b[1].answered + b[1].backlog - (a[1].answered + a[1].backlog),
    );
  }, [rows]);
  const max = Math.max(1, ...byTopic.map(([, v]) => Math.max(v.answered, v.backlog)));

  const download = () => {
    const csv = toCsv([
      ['topic', 'language', 'answered', 'backlog', 'medianFirstResponseMinutes'],
      ...rows.map((r) => [
        r.topic,
        r.language,
        String(r.answered),
        String(r.backlog),
        r.medianFirstResponseMinutes == null
          ? ''
          : String(Math.round(r.medianFirstResponseMinutes)),
      ]),
    ]);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `info-point-${from}-${to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Page title={t('staff.stats.title')}>
      <form className="staff-filters" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="stats-from">{t('staff.stats.from')}</label>
          <input
            id="stats-from"
            type="date"
            value={from}
            max={to}
            onChange={(e) => setFrom(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="stats-to">{t('staff.stats.to')}</label>
          <input
            id="stats-to"
            type="date"
            value={to}
            min={from}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
      </form>
      <div className="staff-views" role="group" aria-label={t('staff.stats.presets')}>
        {[7, 30, 90].map((days) => (
          <button
            key={days}
            type="button"
            onClick={() => {
              setTo(today());
              setFrom(daysBefore(today(), days - 1));
            }}
          >
            {t('staff.stats.lastDays', { count: days })}
          </button>
        ))}
      </div>
      {!valid && (
        <p role="alert" className="error-text">
          {t('staff.stats.badPeriod')}
        </p>
      )}
      <ErrorBox error={res.error} />
      {res.fetching && !res.data && <p role="status">{t('common.loading')}</p>}
      {res.data && rows.length === 0 && <p>{t('staff.stats.none')}</p>}
      {rows.length > 0 && (
        <>
          <h2>{t('staff.stats.chartTitle')}</h2>
          <ul className="bars" aria-hidden="true">
            {byTopic.map(([topic, v]) => (
              <li key={topic}>
                <span className="bar-label">{t(`topic.${topic}`)}</span>
                <span className="bar answered" style={{ width: `${(v.answered / max) * 100}%` }}>
                  {v.answered}
                </span>
                <span className="bar backlog" style={{ width: `${(v.backlog / max) * 100}%` }}>
                  {v.backlog}
                </span>
              </li>
            ))}
          </ul>
          <p className="legend" aria-hidden="true">
            <span className="swatch answered" /> {t('staff.stats.answered')}{' '}
            <span className="swatch backlog" /> {t('staff.stats.backlog')}
          </p>
          <div className="table-scroll">
            <table data-testid="stats-table">
              <caption>{t('staff.stats.tableCaption', { from, to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('staff.filter.topic')}</th>
                  <th scope="col">{t('staff.filter.language')}</th>
                  <th scope="col">{t('staff.stats.answered')}</th>
                  <th scope="col">{t('staff.stats.backlog')}</th>
                  <th scope="col">{t('staff.stats.median')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.topic}-${r.language}`}>
                    <th scope="row">{t(`topic.${r.topic}`)}</th>
                    <td>
                      <AskerLanguage language={r.language} />
                    </td>
                    <td>{r.answered}</td>
                    <td>{r.backlog}</td>
                    <td>
                      {r.medianFirstResponseMinutes == null
                        ? '—'
                        : t('staff.stats.minutes', {
                            count: Math.round(r.medianFirstResponseMinutes),
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={download}>
            {t('staff.stats.csv')}
          </button>
        </>
      )}
      {valid && <ForumStats from={variables.from} to={variables.to} label={`${from}-${to}`} />}
      {valid && <AcademyStats from={variables.from} to={variables.to} label={`${from}-${to}`} />}
    </Page>
  );
}
