import { useTranslation } from 'react-i18next';
import { formatPln, lineCost, parsePln, plnInputValue } from './money';

export interface LineDraft {
  category: string;
  unit: string;
  quantity: string;
  unitCost: string;
  grant: string;
  own: string;
  inKind: string;
  /** Volunteer work: hours (two decimals) at a rate in złoty per hour. */
  volunteerHours: string;
  volunteerRate: string;
}

/** A budget line as the API takes it (grosze). */
export interface BudgetLine {
  category: string;
  unit: string;
  quantity: number;
  unitCostGrosze: number;
  grantGrosze: number;
  ownMoneyGrosze: number;
  inKindGrosze: number;
  volunteerHours: number;
  volunteerRateGrosze: number;
}

export const emptyLine = (): LineDraft => ({
  category: '',
  unit: '',
  quantity: '1',
  unitCost: '',
  grant: '',
  own: '0',
  inKind: '0',
  volunteerHours: '0',
  volunteerRate: '0',
});

/** Stored lines → what the fields show ("4300,00"); one empty line for a new budget. */
export function draftLines(budget: readonly BudgetLine[]): LineDraft[] {
  if (!budget.length) return [emptyLine()];
  return budget.map((l) => ({
    category: l.category,
    unit: l.unit,
    quantity: String(l.quantity).replace('.', ','),
    unitCost: plnInputValue(l.unitCostGrosze),
    grant: plnInputValue(l.grantGrosze),
    own: plnInputValue(l.ownMoneyGrosze),
    inKind: plnInputValue(l.inKindGrosze),
    volunteerHours: String(l.volunteerHours).replace('.', ','),
    volunteerRate: plnInputValue(l.volunteerRateGrosze),
  }));
}

const quantityOf = (s: string) => {
  const m = /^\s*(\d{1,5})(?:[.,](\d{1,2}))?\s*$/.exec(s);
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
};

function parsed(l: LineDraft) {
  const q = quantityOf(l.quantity);
  const unit = parsePln(l.unitCost);
  const grant = parsePln(l.grant);
  const own = parsePln(l.own);
  const inKind = parsePln(l.inKind);
  const hours = quantityOf(l.volunteerHours);
  const rate = parsePln(l.volunteerRate);
  const volunteer = hours !== null && rate !== null ? lineCost(hours, rate) : null;
  const cost = q !== null && unit !== null ? lineCost(q, unit) : null;
  const covered =
    grant !== null && own !== null && inKind !== null && volunteer !== null
      ? grant + own + inKind + volunteer
      : null;
  return { q, unit, grant, own, inKind, hours, rate, volunteer, cost, covered };
}

/**
 * The lines for the API, empty ones left out; the index of the first line whose amounts or
 * quantity are not numbers otherwise.
 */
export function budgetInput(lines: LineDraft[]): BudgetLine[] | number {
  const values = lines.map(parsed);
  const bad = values.findIndex(
    (v) =>
      v.q === null ||
      v.unit === null ||
      v.grant === null ||
      v.own === null ||
      v.inKind === null ||
      v.hours === null ||
      v.rate === null,
  );
  if (bad >= 0) return bad;
  return lines
    .map((l, i) => ({
      category: l.category.trim(),
      unit: l.unit.trim(),
      quantity: values[i].q!,
      unitCostGrosze: values[i].unit!,
      grantGrosze: values[i].grant!,
      ownMoneyGrosze: values[i].own!,
      inKindGrosze: values[i].inKind!,
      volunteerHours: values[i].hours!,
      volunteerRateGrosze: values[i].rate!,
    }))
    .filter((l) => l.category || l.unitCostGrosze);
}

/**
 * The budget table: per line quantity × unit cost against grant + own money + in-kind, with the
 * difference shown as it is typed, and the totals against the call's maximum (an application)
 * or the granted amount (the agreement). Amounts in złoty; the server checks again.
 */
export function BudgetEditor({
  lines,
  onChange,
  maxGrosze,
  grantedGrosze,
  idPrefix = 'line',
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  maxGrosze?: number;
  grantedGrosze?: number;
  idPrefix?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const values = lines.map(parsed);
  const totalGrant = values.reduce((s, l) => s + (l.grant ?? 0), 0);
  const totalCost = values.reduce((s, l) => s + (l.cost ?? 0), 0);
  const overMax = maxGrosze !== undefined && totalGrant > maxGrosze;
  const offGranted = grantedGrosze !== undefined && totalGrant !== grantedGrosze;
  const setLine = (i: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  const money = (
    i: number,
    key: 'unitCost' | 'grant' | 'own' | 'inKind' | 'volunteerRate',
    label: string,
  ) => {
    const id = `${idPrefix}-${i}-${key}`;
    const value = lines[i][key];
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
    <fieldset>
      <legend>{t('grants.form.budget')}</legend>
      <p className="hint">{t('grants.form.budgetHint')}</p>
      <p className="hint">{t('grants.form.volunteerHint')}</p>
      {lines.map((l, i) => {
        const c = values[i];
        const diff = c.cost !== null && c.covered !== null ? c.cost - c.covered : 0;
        return (
          <div key={i} className="grant-line" data-testid="budget-line">
            <p className="grant-line-title">{t('grants.form.line', { n: i + 1 })}</p>
            <label htmlFor={`${idPrefix}-${i}-category`}>{t('grants.form.category')}</label>
            <input
              id={`${idPrefix}-${i}-category`}
              maxLength={120}
              value={l.category}
              onChange={(e) => setLine(i, { category: e.target.value })}
            />
            <div className="grant-pair">
              <div>
                <label htmlFor={`${idPrefix}-${i}-quantity`}>{t('grants.form.quantity')}</label>
                <input
                  id={`${idPrefix}-${i}-quantity`}
                  inputMode="decimal"
                  value={l.quantity}
                  onChange={(e) => setLine(i, { quantity: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`${idPrefix}-${i}-unit`}>{t('grants.form.unit')}</label>
                <input
                  id={`${idPrefix}-${i}-unit`}
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
            <div className="grant-pair">
              <div>
                <label htmlFor={`${idPrefix}-${i}-volunteerHours`}>
                  {t('grants.form.volunteerHours')}
                </label>
                <input
                  id={`${idPrefix}-${i}-volunteerHours`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={l.volunteerHours}
                  onChange={(e) => setLine(i, { volunteerHours: e.target.value })}
                />
              </div>
              {money(i, 'volunteerRate', t('grants.form.volunteerRate'))}
            </div>
            {c.volunteer !== null && c.volunteer > 0 && (
              <p className="meta" data-testid="line-volunteer">
                {t('grants.form.volunteerWorth', { amount: formatPln(c.volunteer, lang) })}
              </p>
            )}
            {diff !== 0 && (
              <p className="error-text" data-testid="line-mismatch">
                {diff > 0
                  ? t('grants.form.lineShort', { amount: formatPln(diff, lang) })
                  : t('grants.form.lineOver', { amount: formatPln(-diff, lang) })}
              </p>
            )}
            {lines.length > 1 && (
              <button type="button" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                {t('grants.form.removeLine', { n: i + 1 })}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...lines, emptyLine()])}>
        {t('grants.form.addLine')}
      </button>
      <div
        className={`grant-total${overMax || offGranted ? ' is-over' : ''}`}
        aria-live="polite"
        data-testid="grant-total"
      >
        <p>
          {t('grants.form.totalCost')} <strong>{formatPln(totalCost, lang)}</strong>
        </p>
        <p>
          {t('grants.form.totalGrant')} <strong>{formatPln(totalGrant, lang)}</strong>{' '}
          {maxGrosze !== undefined && t('grants.form.ofMax', { max: formatPln(maxGrosze, lang) })}
        </p>
        {overMax && <p className="error-text">{t('grants.form.overMax')}</p>}
        {offGranted && (
          <p className="error-text">
            {t('grants.project.mustEqualGranted', { amount: formatPln(grantedGrosze, lang) })}
          </p>
        )}
      </div>
    </fieldset>
  );
}
