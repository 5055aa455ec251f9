import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { CopyButton } from '../../components/CopyButton';
import { ClaimCertificate } from '../../graphql/academy';
import { useApp } from '../../app-context';
import { formatDate } from '../../lib/format';

/** Claiming again returns the same certificate, so this page also shows one already issued. */
export function CertificatePage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const { user, language } = useApp();
  const [name, setName] = useState(user?.displayName ?? '');
  const [claim, run] = useMutation(ClaimCertificate);
  const cert = claim.data?.claimCertificate;
  const link = cert?.verificationCode ? `${location.origin}/verify/${cert.verificationCode}` : null;

  return (
    <Page title={t('certificate.title')}>
      <p>
        <Link to={`/academy/${courseId}`}>← {t('academy.backToCourse')}</Link>
      </p>
      <ErrorBox error={claim.error} />
      {!cert && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ input: { courseId, displayName: name.trim() } });
          }}
        >
          <label htmlFor="cert-name">{t('certificate.name')}</label>
          <p className="hint" id="cert-name-hint">
            {t('certificate.nameHint')}
          </p>
          <input
            id="cert-name"
            required
            autoComplete="name"
            aria-describedby="cert-name-hint"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="primary">
            {t('certificate.get')}
          </button>
        </form>
      )}
      {cert && (
        <section className="certificate" aria-labelledby="cert-heading">
          <h2 id="cert-heading">{cert.courseTitle.text}</h2>
          <p className="cert-name">{cert.displayName}</p>
          <p>{t('certificate.issued', { date: formatDate(cert.issuedAt, language) })}</p>
          {link && (
            <>
              <p>{t('certificate.share')}</p>
              <p className="code" data-testid="verify-link">
                <a href={link}>{link}</a>
              </p>
              <CopyButton text={link} />
            </>
          )}
          {cert.pdfPath && (
            <p>
              <a
                className="button"
                href={`${cert.pdfPath}${cert.pdfPath.includes('?') ? '&' : '?'}lang=${language}`}
                download="certificate.pdf"
                data-testid="certificate-pdf"
              >
                {t('certificate.pdf')}
              </a>
            </p>
          )}
        </section>
      )}
    </Page>
  );
}
