import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../graphql/graphql';
import type { ApplicationFields, GrantCallFields } from '../../graphql/grants';
import { formatDate } from '../../lib/format';
import { isoToWarsawLocal, warsawLocalToIso } from '../../lib/warsaw-time';
import { formatPln, lineCost, parsePln, plnInputValue } from './money';

type Call = ResultOf<typeof GrantCallFields>;
type Application = ResultOf<typeof ApplicationFields>;

interface LineDraft {
  category: string;
  unit: string;
  quantity: string;
  unitCost: string;
  grant: string;
  own: string;
  inKind: string;
}
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

const emptyLine = (): LineDraft => ({
  category: '',
  unit: '',
  quantity: '1',
  unitCost: '',
  grant: '',
  own: '0',
  inKind: '0',
});

const quantityOf = (s: string) => {
  const m = /^\s*(\d{1,5})(?:[.,](\d{1,2}))?\s*$/.exec(s);
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
};

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
  const [budget, setBudget] = useState<LineDraft[]>(
    initial?.budget.length
      ? initial.budget.map((l) => ({
          category: l.category,
          unit: l.unit,
          quantity: String(l.quantity).replace('.', ','),
          unitCost: plnInputValue(l.unitCostGrosze),
          grant: plnInputValue(l.grantGrosze),
          own: plnInputValue(l.ownMoneyGrosze),
          inKind: plnInputValue(l.inKindGrosze),
        }))
      : [emptyLine()],
  );
  const [problem, setProblem] = useState<string | null>(null);

  const lines = budget.map((l) => {
    const q = quantityOf(l.quantity);
    const unit = parsePln(l.unitCost);
    const grant = parsePln(l.grant);
    const own = parsePln(l.own);
    const inKind = parsePln(l.inKind);
    const cost = q !== null && unit !== null ? lineCost(q, unit) : null;
    const covered = grant !== null && own !== null && inKind !== null ? grant + own + inKind : null;
    return { q, unit, grant, own, inKind, cost, covered };
  });
  const totalGrant = lines.reduce((s, l) => s + (l.grant ?? 0), 0);
  const totalCost = lines.reduce((s, l) => s + (l.cost ?? 0), 0);
  const overMax = totalGrant > call.maxGrantGrosze;

  const setLine = (i: number, patch: Partial<LineDraft>) =>
    setBudget(budget.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setActivity = (i: number, patch: Partial<ActivityDraft>) =>
    setSchedule(schedule.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const collect = (): ApplicationContent | null => {
    const bad = lines.findIndex(
      (l) =>
        l.q === null || l.unit === null || l.grant === null || l.own === null || l.inKind === null,
    );
    if (bad >= 0) {
      setProblem(t('grants.form.badAmount', { line: bad + 1 }));
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
      requestedGrosze: totalGrant,
      budget: budget
        .map((l, i) => ({
          category: l.category.trim(),
          unit: l.unit.trim(),
          quantity: lines[i].q!,
          unitCostGrosze: lines[i].unit!,
          grantGrosze: lines[i].grant!,
          ownMoneyGrosze: lines[i].own!,
          inKindGrosze: lines[i].inKind!,
        }))
        .filter((l) => l.category || l.unitCostGrosze),
      schedule: times as ApplicationContent['schedule'],
    };
  };

  const money = (i: number, key: 'unitCost' | 'grant' | 'own' | 'inKind', label: string) => {
    const id = `line-${i}-${key}`;
    const value = budget[i][key];
    const invalid = value.trim() !== '' && parsePln(value) === null;
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => setLine(i, { [key]: e.target.value })}
        />
        {invalid && (
          <p id={`${id}-error`} className="error-text">
            {t('grants.form.notAmount')}
          </p>
        )}
      </div>
    );
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

      <fieldset>
        <legend>{t('grants.form.budget')}</legend>
        <p className="hint">{t('grants.form.budgetHint')}</p>
        {budget.map((l, i) => {
          const c = lines[i];
          const diff = c.cost !== null && c.covered !== null ? c.cost - c.covered : 0;
          return (
            <div key={i} className="grant-line" data-testid="budget-line">
              <p className="grant-line-title">{t('grants.form.line', { n: i + 1 })}</p>
              <label htmlFor={`line-${i}-category`}>{t('grants.form.category')}</label>
              <input
                id={`line-${i}-category`}
                maxLength={120}
                value={l.category}
                onChange={(e) => setLine(i, { category: e.target.value })}
              />
              <div className="grant-pair">
                <div>
                  <label htmlFor={`line-${i}-quantity`}>{t('grants.form.quantity')}</label>
                  <input
                    id={`line-${i}-quantity`}
                    inputMode="decimal"
                    value={l.quantity}
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                  />
                </div>
                <div>
                  <label htmlFor={`line-${i}-unit`}>{t('grants.form.unit')}</label>
                  <input
                    id={`line-${i}-unit`}
                    maxLength={20}
                    value={l.unit}
                    onChange={(e) => setLine(i, { unit: e.target.value })}
                  />
                </div>
              </div>
              {money(i, 'unitCost', t('grants.form.unitCost'))}
              <p className="meta" data-testid="line-cost">
                {t('grants.form.lineCost', { amount: formatPln(c.cost ?? 0, lang) })}
              </p>
              {money(i, 'grant', t('grants.form.fromGrant'))}
              <div className="grant-pair">
                {money(i, 'own', t('grants.form.ownMoney'))}
                {money(i, 'inKind', t('grants.form.inKind'))}
              </div>
              {diff !== 0 && (
                <p className="error-text" data-testid="line-mismatch">
                  {diff > 0
                    ? t('grants.form.lineShort', { amount: formatPln(diff, lang) })
                    : t('grants.form.lineOver', { amount: formatPln(-diff, lang) })}
                </p>
              )}
              {budget.length > 1 && (
                <button type="button" onClick={() => setBudget(budget.filter((_, j) => j !== i))}>
                  {t('grants.form.removeLine', { n: i + 1 })}
                </button>
              )}
            </div>
          );
        })}
        <button type="button" onClick={() => setBudget([...budget, emptyLine()])}>
          {t('grants.form.addLine')}
        </button>
        <div
          className={`grant-total${overMax ? ' is-over' : ''}`}
          aria-live="polite"
          data-testid="grant-total"
        >
          <p>
            {t('grants.form.totalCost')} <strong>{formatPln(totalCost, lang)}</strong>
          </p>
          <p>
            {t('grants.form.totalGrant')} <strong>{formatPln(totalGrant, lang)}</strong>{' '}
            {t('grants.form.ofMax', { max: formatPln(call.maxGrantGrosze, lang) })}
          </p>
          {overMax && <p className="error-text">{t('grants.form.overMax')}</p>}
        </div>
      </fieldset>

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
