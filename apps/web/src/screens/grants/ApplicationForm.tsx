import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../graphql/graphql';
import type { ApplicationFields, GrantCallFields } from '../../graphql/grants';
import { formatDate } from '../../lib/format';
import { isoToWarsawLocal, warsawLocalToIso } from '../../lib/warsaw-time';
import { BudgetEditor, budgetInput, draftLines, type LineDraft } from './BudgetEditor';

type Call = ResultOf<typeof GrantCallFields>;
type Application = ResultOf<typeof ApplicationFields>;

interface ActivityDraft {
  name: string;
  startsAt: string;
  endsAt: string;
}

/** What the API takes for an application's content (create and update alike). */
export interface ApplicationContent {
  title: string;
  summary: string;
  expectedResults: string;
  thematicArea: string;
  residents: number;
  refugees: number;
  requestedGrosze: number;
  budget: {
    category: string;
    unit: string;
    quantity: number;
    unitCostGrosze: number;
    grantGrosze: number;
    ownMoneyGrosze: number;
    inKindGrosze: number;
  }[];
  schedule: { name: string; startsAt: string; endsAt: string }[];
}

/**
 * The application's content: description, participants, schedule and the budget table with a
 * live total against the call's maximum. Amounts are typed in złoty and sent in grosze; the
 * server checks everything again and names the line it refuses.
 */
export function ApplicationForm({
  call,
  initial,
  busy,
  canSubmit,
  onSave,
}: {
  call: Call;
  initial: Application | null;
  busy: boolean;
  /** Whether the "submit" button is offered (drafts and corrections). */
  canSubmit: boolean;
  onSave: (content: ApplicationContent, submit: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [title, setTitle] = useState(initial?.title ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [results, setResults] = useState(initial?.expectedResults ?? '');
  const [area, setArea] = useState(initial?.thematicArea ?? '');
  const [residents, setResidents] = useState(String(initial?.residents ?? 0));
  const [refugees, setRefugees] = useState(String(initial?.refugees ?? 0));
  const [schedule, setSchedule] = useState<ActivityDraft[]>(
    initial?.schedule.length
      ? initial.schedule.map((a) => ({
          name: a.name,
          startsAt: isoToWarsawLocal(a.startsAt),
          endsAt: isoToWarsawLocal(a.endsAt),
        }))
      : [{ name: '', startsAt: '', endsAt: '' }],
  );
  const [budget, setBudget] = useState<LineDraft[]>(() => draftLines(initial?.budget ?? []));
  const [problem, setProblem] = useState<string | null>(null);

  const setActivity = (i: number, patch: Partial<ActivityDraft>) =>
    setSchedule(schedule.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const collect = (): ApplicationContent | null => {
    const lines = budgetInput(budget);
    if (typeof lines === 'number') {
      setProblem(t('grants.form.badAmount', { line: lines + 1 }));
      return null;
    }
    const times = schedule
      .filter((a) => a.name.trim() || a.startsAt || a.endsAt)
      .map((a) => ({
        name: a.name.trim(),
        startsAt: warsawLocalToIso(a.startsAt),
        endsAt: warsawLocalToIso(a.endsAt),
      }));
    const badTime = times.findIndex((a) => !a.name || !a.startsAt || !a.endsAt);
    if (badTime >= 0) {
      setProblem(t('grants.form.badActivity', { line: badTime + 1 }));
      return null;
    }
    setProblem(null);
    return {
      title: title.trim(),
      summary: summary.trim(),
      expectedResults: results.trim(),
      thematicArea: area,
      residents: Number(residents) || 0,
      refugees: Number(refugees) || 0,
      requestedGrosze: lines.reduce((sum, l) => sum + l.grantGrosze, 0),
      budget: lines,
      schedule: times as ApplicationContent['schedule'],
    };
  };

  return (
    <form
      className="grant-form"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const content = collect();
        if (content) onSave(content, submitter?.value === 'submit');
      }}
    >
      <label htmlFor="grant-title">{t('grants.form.title')}</label>
      <input
        id="grant-title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="grant-area">{t('grants.form.area')}</label>
      <select id="grant-area" value={area} onChange={(e) => setArea(e.target.value)}>
        <option value="">{t('grants.form.areaNone')}</option>
        {call.thematicAreas.map((a) => (
          <option key={a.key} value={a.key}>
            {a.label.text}
          </option>
        ))}
      </select>
      <label htmlFor="grant-summary">{t('grants.form.summary')}</label>
      <textarea
        id="grant-summary"
        rows={5}
        maxLength={5000}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
      />
      <label htmlFor="grant-results">{t('grants.form.results')}</label>
      <textarea
        id="grant-results"
        rows={3}
        maxLength={3000}
        value={results}
        onChange={(e) => setResults(e.target.value)}
      />
      <fieldset>
        <legend>{t('grants.form.participants')}</legend>
        <div className="grant-pair">
          <div>
            <label htmlFor="grant-residents">{t('grants.form.residents')}</label>
            <input
              id="grant-residents"
              type="number"
              min={0}
              max={100000}
              value={residents}
              onChange={(e) => setResidents(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor="grant-refugees">{t('grants.form.refugees')}</label>
            <input
              id="grant-refugees"
              type="number"
              min={0}
              max={100000}
              value={refugees}
              onChange={(e) => setRefugees(e.target.value)}
            />
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('grants.form.schedule')}</legend>
        <p className="hint">
          {t('grants.form.scheduleHint', {
            from: formatDate(call.realisationStartsAt, lang),
            to: formatDate(call.realisationEndsAt, lang),
          })}
        </p>
        {schedule.map((a, i) => (
          <div key={i} className="grant-line" data-testid="activity">
            <label htmlFor={`act-${i}-name`}>{t('grants.form.activity', { n: i + 1 })}</label>
            <input
              id={`act-${i}-name`}
              maxLength={200}
              value={a.name}
              onChange={(e) => setActivity(i, { name: e.target.value })}
            />
            <div className="grant-pair">
              <div>
                <label htmlFor={`act-${i}-start`}>{t('grants.form.starts')}</label>
                <input
                  id={`act-${i}-start`}
                  type="datetime-local"
                  value={a.startsAt}
                  onChange={(e) => setActivity(i, { startsAt: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`act-${i}-end`}>{t('grants.form.ends')}</label>
                <input
                  id={`act-${i}-end`}
                  type="datetime-local"
                  value={a.endsAt}
                  onChange={(e) => setActivity(i, { endsAt: e.target.value })}
                />
              </div>
            </div>
            {schedule.length > 1 && (
              <button type="button" onClick={() => setSchedule(schedule.filter((_, j) => j !== i))}>
                {t('grants.form.removeActivity', { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        <button
          type="button"
          onClick={() => setSchedule([...schedule, { name: '', startsAt: '', endsAt: '' }])}
        >
          {t('grants.form.addActivity')}
        </button>
      </fieldset>

      <BudgetEditor lines={budget} onChange={setBudget} maxGrosze={call.maxGrantGrosze} />

      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" value="save" disabled={busy}>
          {t('grants.form.save')}
        </button>
        {canSubmit && (
          <button type="submit" value="submit" className="primary" disabled={busy}>
            {t('grants.form.submit')}
          </button>
        )}
      </div>
    </form>
  );
}
