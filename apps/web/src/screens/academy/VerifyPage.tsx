import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { VerifyCertificate } from '../../graphql/academy';
import { useApp } from '../../app-context';
import { formatDate } from '../../lib/format';

/** Public: anyone with the link sees whether the certificate is valid. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { language } = useApp();
  const [res] = useQuery({
    query: VerifyCertificate,
    variables: { code },
    requestPolicy: 'network-only',
  });
  const v = res.data?.verifyCertificate;
  return (
    <Page title={t('verify.title')}>
      <ErrorBox error={res.error} />
      {!v && !res.error && <p role="status">{t('common.loading')}</p>}
      {v && (
        <div role="status" className={v.valid ? 'result passed' : 'result failed'}>
          <p className="big">
            {v.valid ? t('verify.valid') : v.revokedAt ? t('verify.revoked') : t('verify.invalid')}
          </p>
          {v.displayName && <p>{t('verify.holder', { name: v.displayName })}</p>}
          {v.courseTitle && <p>{t('verify.course', { course: v.courseTitle.text })}</p>}
          {v.issuedAt && (
            <p>{t('certificate.issued', { date: formatDate(v.issuedAt, language) })}</p>
          )}
        </div>
      )}
    </Page>
  );
}
