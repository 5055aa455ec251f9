import { useState } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { openFile, uploadFile } from './files';

/**
 * An application's attachments (core's file store, owner kind `grants.application`): listed
 * for whoever reads the application, added by the applicant while the content may change.
 */
export function Attachments({
  applicationId,
  files,
  canAdd,
  onAdded,
}: {
  applicationId: string;
  files: readonly { id: string; fileName: string; size: number; url: string }[];
  canAdd: boolean;
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canAdd && files.length === 0) return null;
  return (
    <section aria-labelledby="attachments">
      <h2 id="attachments">{t('grants.attachments.title')}</h2>
      {files.length === 0 && <p>{t('grants.attachments.none')}</p>}
      <ul>
        {files.map((f) => (
          <li key={f.id} data-testid="attachment">
            <button type="button" onClick={() => void openFile(f.url, i18n.language)}>
              {f.fileName}
            </button>{' '}
            <span className="meta">{Math.ceil(f.size / 1024)} KB</span>
          </li>
        ))}
      </ul>
      {canAdd && (
        <>
          <label htmlFor="attachment-file">{t('grants.attachments.add')}</label>
          <p className="hint" id="attachment-hint">
            {t('grants.attachments.hint')}
          </p>
          <input
            id="attachment-file"
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.odt,.ods"
            aria-describedby="attachment-hint"
            disabled={busy}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setBusy(true);
              const r = await uploadFile(
                client,
                i18n.language,
                { ownerKind: 'grants.application', ownerId: applicationId },
                file,
              );
              setBusy(false);
              e.target.value = '';
              setProblem(r.ok ? null : r.message || t('error.unexpected'));
              if (r.ok) onAdded();
            }}
          />
          {busy && <p role="status">{t('grants.project.uploading')}</p>}
          {problem && (
            <p role="alert" className="error-text">
              {problem}
            </p>
          )}
        </>
      )}
    </section>
  );
}
