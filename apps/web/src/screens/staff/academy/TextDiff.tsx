import { useTranslation } from 'react-i18next';
import { textDiff } from './authoring';

/** What the unsaved text changes in the saved one: removed words struck through, added underlined. */
export function TextDiff({ saved, edited }: { saved: string; edited: string }) {
  const { t } = useTranslation();
  return (
    <div className="text-diff" data-testid="text-diff">
      <p className="hint">{t('staff.academy.unsavedChanges')}</p>
      <p className="pre">
        {textDiff(saved, edited).map((p, i) =>
          p.kind === 'added' ? (
            <ins key={i}>
              <span className="visually-hidden">{t('staff.academy.diffAdded')} </span>
              {p.text}
            </ins>
          ) : p.kind === 'removed' ? (
            <del key={i}>
              <span className="visually-hidden">{t('staff.academy.diffRemoved')} </span>
              {p.text}
            </del>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
