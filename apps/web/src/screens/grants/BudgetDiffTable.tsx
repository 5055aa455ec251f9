import { useTranslation } from 'react-i18next';
import { budgetDiff, type DiffableLine } from './change-diff';
import { formatPln } from './money';

/**
 * A change's budget beside the one in force: per line the amount from the grant and the line's
 * cost now and as asked, each changed line marked in words (not by colour alone).
 */
export function BudgetDiffTable({
  current,
  proposed,
  caption,
}: {
  current: readonly DiffableLine[];
  proposed: readonly DiffableLine[];
  caption: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (g: number | null) => (g === null ? '—' : formatPln(g, lang));
  return (
    <div className="grant-diff-wrap">
      <table className="grant-table grant-diff" data-testid="change-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grants.change.col.line')}</th>
            <th scope="col">{t('grants.change.col.now')}</th>
            <th scope="col">{t('grants.change.col.asked')}</th>
          </tr>
        </thead>
        <tbody>
          {budgetDiff(current, proposed).map((r) => (
            <tr key={r.n} className={`is-${r.change}`} data-testid="change-diff-row">
              <th scope="row">
                {r.n}. {r.category}
                {r.change !== 'same' && (
                  <span className="grant-diff-mark"> {t(`grants.change.line.${r.change}`)}</span>
                )}
              </th>
              <td>
                {money(r.grantBefore)}
                <span className="meta grant-diff-cost">
                  {t('grants.change.cost', { amount: money(r.costBefore) })}
                </span>
              </td>
              <td>
                {money(r.grantAfter)}
                <span className="meta grant-diff-cost">
                  {t('grants.change.cost', { amount: money(r.costAfter) })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
