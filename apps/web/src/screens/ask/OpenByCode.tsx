import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { MyQuestion } from '../../graphql/info-point';
import { useApp } from '../../app-context';
import { useFragmentParams } from '../../lib/fragment';

/**
 * Enter the access code; it is kept in memory for this visit only. A slip's QR code from the
 * info point's desk opens this page with the code in the fragment (`#code=…`, never sent to the
 * server); it fills the field and leaves the address bar.
 */
export function OpenByCode() {
  const { t } = useTranslation();
  const { accessCodes } = useApp();
  const client = useClient();
  const navigate = useNavigate();
  const fromSlip = useFragmentParams();
  const [code, setCode] = useState(() => fromSlip.get('code') ?? '');
  const [error, setError] = useState<CombinedError | null>(null);
  return (
    <Page title={t('ask.openTitle')}>
      <ErrorBox error={error} />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          // a printed code is grouped by four: spaces are not part of it
          const accessCode = code.replace(/\s+/g, '');
          const r = await client
            .query(MyQuestion, { accessCode }, { requestPolicy: 'network-only' })
            .toPromise();
          if (r.error || !r.data) return setError(r.error ?? null);
          accessCodes.set(r.data.myQuestion.id, accessCode);
          navigate(`/ask/${r.data.myQuestion.id}`);
        }}
      >
        <label htmlFor="access-code">{t('ask.codeLabel')}</label>
        <input
          id="access-code"
          required
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('ask.open')}
        </button>
      </form>
    </Page>
  );
}
