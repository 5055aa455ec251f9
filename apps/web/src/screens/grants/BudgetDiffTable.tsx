import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { budgetDiff, type DiffableLine } from './change-diff';
import { formatPln } from './money';

/**
 * A change's budget beside the one in force, one block per line (readable at 360 px, no table
 * to scroll): the amount from the grant and the line's cost now → as asked, each changed line
 * marked in words (not by colour alone); the arrow is read out as words.
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
  const id = useId();
  const money = (g: number | null) => (g === null ? '—' : formatPln(g, lang));
  const pair = (before: number | null, after: number | null) =>
    before === after ? (
      <span className="grant-nowrap">{money(after)}</span>
    ) : (
      <>
        <span className="grant-nowrap">{money(before)}</span> <span aria-hidden="true">→</span>
        <span className="visually-hidden">{t('grants.change.becomes')}</span>{' '}
        <strong className="grant-nowrap">{money(after)}</strong>
      </>
    );
  return (
    <div className="grant-diff" data-testid="change-diff">
      <p className="grant-diff-caption" id={id}>
        {caption}
      </p>
      <ul aria-labelledby={id}>
        {budgetDiff(current, proposed).map((r) => (
          <li key={r.n} className={`is-${r.change}`} data-testid="change-diff-row">
            <p className="grant-diff-title">
              <strong>
                {r.n}. {r.category}
              </strong>{' '}
              <span className="grant-diff-mark">{t(`grants.change.line.${r.change}`)}</span>
            </p>
            <p>
              {t('grants.change.fromGrant')} {pair(r.grantBefore, r.grantAfter)}
            </p>
            <p className="meta">
              {t('grants.change.lineCost')} {pair(r.costBefore, r.costAfter)}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
