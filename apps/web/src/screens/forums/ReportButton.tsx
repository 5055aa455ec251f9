import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { ReportPost } from '../../graphql/forums';

/** "Report": asks for a reason, sends it once; moderators decide. */
export function ReportButton({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [res, report] = useMutation(ReportPost);
  const id = useId();
  if (res.data)
    return (
      <p role="status" className="notice">
        {t('forums.reported')}
      </p>
    );
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('forums.report')}
      </button>
      {open && (
        <form
          className="report-form"
          onSubmit={async (e) => {
            e.preventDefault();
            await report({ input: { postId, reason: reason.trim() } });
          }}
        >
          <ErrorBox error={res.error} />
          <label htmlFor={id}>{t('forums.reportReason')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('forums.reportHint')}
          </p>
          <textarea
            id={id}
            required
            maxLength={500}
            aria-describedby={`${id}-hint`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={res.fetching}>
            {t('forums.sendReport')}
          </button>
        </form>
      )}
    </>
  );
}
