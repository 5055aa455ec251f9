import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { formatDateTime } from '../../../lib/format';
import { CourseCertificates, RevokeCertificate } from '../../../graphql/staff-cohorts';
import './cohorts.css';
import { CourseSubpageTop } from '../academy/CourseSubpageTop';

/**
 * A course's certificates: holder (the name they chose to print), issued (Warsaw time), the
 * holder's language, valid or revoked (when, why). Revoking asks for a reason in a dialog that
 * takes the focus (Esc closes it, the focus returns to the row's button). Verification codes
 * stay with their holders (the API does not show them to staff); a code someone hands over is
 * checked on the public verification page.
 */
export function CertificatesPage() {
  const { t, i18n } = useTranslation();
  const { courseId = '' } = useParams();
  const [res, refetch] = useQuery({ query: CourseCertificates, variables: { courseId } });
  const [revoked, revoke] = useMutation(RevokeCertificate);
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState(false);
  const [notice, setNotice] = useState('');
  const [code, setCode] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (target) reasonField.current?.focus();
  }, [target]);

  const close = () => {
    setTarget(null);
    setReason('');
    setReasonProblem(false);
    const back = opener.current;
    setTimeout(() => back?.focus());
  };
  const course = res.data?.course;
  const list = res.data?.courseCertificates ?? [];
  const cleanCode = code.trim();

  return (
    <Page title={t('staff.certificates.title', { course: course?.title.text ?? '' })}>
      <CourseSubpageTop courseId={courseId} courseTitle={course?.title.text} notice={notice} />
      <ErrorBox error={res.error} />
      {!res.data && !res.error && <p role="status">{t('common.loading')}</p>}
      {res.data && list.length === 0 && <p>{t('staff.certificates.none')}</p>}
      {list.length > 0 && (
        <div
          className="table-scroll cohort-table"
          role="region"
          aria-label={t('staff.certificates.link')}
          tabIndex={0}
        >
          <table className="certificate-list">
            <caption>
              {t('staff.certificates.caption', { count: list.length })}{' '}
              {t('staff.certificates.codesHint')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.certificates.holder')}</th>
                <th scope="col">{t('staff.certificates.issued')}</th>
                <th scope="col">{t('staff.certificates.language')}</th>
                <th scope="col">{t('staff.certificates.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('staff.certificates.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr
                  key={c.id}
                  data-testid="certificate-row"
                  data-state={c.revokedAt ? 'revoked' : 'valid'}
                >
                  <th scope="row">{c.displayName}</th>
                  <td>{formatDateTime(c.issuedAt, i18n.language)}</td>
                  <td>{c.language ? t(`staff.language.${c.language}`) : '—'}</td>
                  <td>
                    {c.revokedAt ? (
                      <>
                        <strong className="revoked">
                          {t('staff.certificates.revokedAt', {
                            date: formatDateTime(c.revokedAt, i18n.language),
                          })}
                        </strong>
                        {c.revocationReason && (
                          <span className="hint">
                            {' '}
                            {t('staff.certificates.reasonShown', { reason: c.revocationReason })}
                          </span>
                        )}
                      </>
                    ) : (
                      t('staff.certificates.valid')
                    )}
                  </td>
                  <td>
                    {!c.revokedAt && (
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('staff.certificates.revokeOf', { name: c.displayName })}
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          setNotice('');
                          setTarget({ id: c.id, name: c.displayName });
                        }}
                      >
                        {t('staff.certificates.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {target && (
        <div
          className="confirm"
          role="alertdialog"
          aria-modal="false"
          aria-labelledby="revoke-title"
          aria-describedby="revoke-text"
          ref={dialog}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <h2 id="revoke-title">{t('staff.certificates.confirmTitle', { name: target.name })}</h2>
          <p id="revoke-text">{t('staff.certificates.confirmText')}</p>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              if (reason.trim().length < 3) {
                setReasonProblem(true);
                reasonField.current?.focus();
                return;
              }
              const r = await revoke({
                input: { certificateId: target.id, reason: reason.trim() },
              });
              if (!r.error) {
                setNotice(t('staff.certificates.revoked', { name: target.name }));
                close();
                refetch({ requestPolicy: 'network-only' });
              }
            }}
          >
            <label htmlFor="revoke-reason">{t('staff.certificates.reason')}</label>
            <p className="hint" id="revoke-reason-hint">
              {t('staff.certificates.reasonHint')}
            </p>
            <textarea
              id="revoke-reason"
              ref={reasonField}
              rows={3}
              maxLength={500}
              aria-required="true"
              aria-invalid={reasonProblem || undefined}
              aria-describedby={
                reasonProblem ? 'revoke-reason-hint revoke-reason-problem' : 'revoke-reason-hint'
              }
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            {reasonProblem && (
              <p role="alert" className="error-text" id="revoke-reason-problem">
                {t('staff.certificates.reasonMissing')}
              </p>
            )}
            <ErrorBox error={revoked.error} />
            <div className="actions">
              <button type="submit" className="danger" disabled={revoked.fetching}>
                {t('staff.certificates.confirm')}
              </button>
              <button type="button" onClick={close}>
                {t('staff.certificates.keep')}
              </button>
            </div>
          </form>
        </div>
      )}

      <form
        className="card verify-code"
        onSubmit={(e) => {
          e.preventDefault();
          if (cleanCode) window.open(`/verify/${encodeURIComponent(cleanCode)}`, '_blank');
        }}
      >
        <h2>{t('staff.certificates.checkTitle')}</h2>
        <label htmlFor="verify-code">{t('staff.certificates.code')}</label>
        <p className="hint" id="verify-code-hint">
          {t('staff.certificates.checkHint')}
        </p>
        <input
          id="verify-code"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          aria-describedby="verify-code-hint"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        {cleanCode && (
          <p>
            <a
              href={`/verify/${encodeURIComponent(cleanCode)}`}
              target="_blank"
              rel="noreferrer"
              data-testid="verify-link"
            >
              {t('staff.certificates.openVerification')}
            </a>
          </p>
        )}
      </form>
    </Page>
  );
}
