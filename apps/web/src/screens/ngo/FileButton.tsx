import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, fileSize } from './download';

/** Download a stored file; a failure is said in the reader's language. */
export function FileButton({
  file,
  label,
}: {
  file: { url: string; fileName: string; size: number };
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={async () => setFailed(!(await downloadFile(file.url, file.fileName)))}
      >
        {label ?? t('ngo.files.download', { name: file.fileName })} (
        {fileSize(file.size, i18n.language)})
      </button>
      {failed && (
        <p role="alert" className="error-text">
          {t('error.network')}
        </p>
      )}
    </>
  );
}
