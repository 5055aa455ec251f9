import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { formatDateTime } from '../../../lib/format';
import {
  CallApplications,
  ConsoleCall,
  ExportCallApplications,
  PublishDecisions,
  UpdateCall,
} from '../../../graphql/calls';
import { downloadCsv } from '../events/csv-download';
import { CallPhase, callPhase } from './CallsPage';
import { useOrganisationNames } from './use-organisation-names';
import './calls.css';

/** /staff/calls/:callId for admins: the call, opening and closing it, its applications, publishing. */
export function CallAdminPage() {
  const { callId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [res, reload] = useQuery({ query: ConsoleCall, variables: { id: callId } });
  const [apps, reloadApps] = useQuery({ query: CallApplications, variables: { callId } });
  const [updating, update] = useMutation(UpdateCall);
  const [publishing, publish] = useMutation(PublishDecisions);
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<string | null>(params.get('saved'));
  const orgName = useOrganisationNames();
  const client = useClient();
  const [exporting, setExporting] = useState(false);
  const call = res.data?.call;
  if (!call)
    return (
      <Page title={t('staff.calls.title')}>
        <ErrorBox error={res.error} />
        {!res.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const phase = callPhase(call);
  const changeWindow = async (what: 'open' | 'close') => {
    setError(null);
    const now = new Date().toISOString();
    const r = await update({
      input: { id: call.id, ...(what === 'open' ? { opensAt: now } : { closesAt: now }) },
    });
    if (r.error) return setError(r.error);
    setDone(what === 'open' ? 'opened' : 'closed');
    reload({ requestPolicy: 'network-only' });
  };
  const rankOf = new Map((apps.data?.callRanking ?? []).map((r) => [r.applicationId, r]));
  const rows = [...(apps.data?.callApplications.nodes ?? [])].sort(
    (a, b) => (rankOf.get(a.id)?.rank ?? 1e9) - (rankOf.get(b.id)?.rank ?? 1e9),
  );

  return (
    <Page title={call.title.text}>
      <p>
        <Link to="/staff/calls">{t('staff.calls.backToList')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {done && <p className="notice ok">{t(`staff.calls.done.${done}`)}</p>}
      </div>
      <ErrorBox error={error} />
      <dl className="facts">
        <div>
          <dt>{t('staff.calls.state')}</dt>
          <dd>
            <CallPhase call={call} />
          </dd>
        </div>
        <div>
          <dt>{t('staff.calls.form.opensAt')}</dt>
          <dd>{formatDateTime(call.opensAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('staff.calls.form.closesAt')}</dt>
          <dd>{formatDateTime(call.closesAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('staff.calls.form.places')}</dt>
          <dd>{call.places}</dd>
        </div>
        <div>
          <dt>{t('staff.calls.form.questions')}</dt>
          <dd>{call.form.length}</dd>
        </div>
      </dl>
      <p className="actions">
        {!call.decisionsPublishedAt && (
          <Link className="button" to={`/staff/calls/${call.id}/edit`}>
            {t('staff.calls.edit')}
          </Link>
        )}
        {phase === 'upcoming' && (
          <button type="button" disabled={updating.fetching} onClick={() => changeWindow('open')}>
            {t('staff.calls.openNowButton')}
          </button>
        )}
        {phase === 'open' && (
          <button type="button" disabled={updating.fetching} onClick={() => changeWindow('close')}>
            {t('staff.calls.closeNowButton')}
          </button>
        )}
        {phase === 'closed' && (
          <button
            type="button"
            className="primary"
            disabled={publishing.fetching}
            onClick={async () => {
              setError(null);
              const r = await publish({ input: { callId: call.id } });
              if (r.error) return setError(r.error);
              setDone('published');
              reload({ requestPolicy: 'network-only' });
              reloadApps({ requestPolicy: 'network-only' });
            }}
          >
            {t('staff.calls.publish')}
          </button>
        )}
      </p>
      {phase === 'closed' && <p className="hint">{t('staff.calls.publishHint')}</p>}

      <h2>
        {t('staff.calls.applications', { count: apps.data?.callApplications.totalCount ?? 0 })}
      </h2>
      <ErrorBox error={apps.error} />
      {rows.length > 0 && (
        <p>
          <button
            type="button"
            disabled={exporting}
            onClick={async () => {
              setExporting(true);
              setError(null);
              const r = await client.query(ExportCallApplications, { callId: call.id }).toPromise();
              setExporting(false);
              if (r.error) return setError(r.error);
              downloadCsv(r.data!.exportApplicationsCsv, `applications-${call.id}.csv`);
            }}
          >
            {t('staff.calls.export')}
          </button>
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="applications">
            <thead>
              <tr>
                <th scope="col">{t('staff.calls.col.rank')}</th>
                <th scope="col">{t('staff.calls.col.organisation')}</th>
                <th scope="col">{t('staff.calls.col.status')}</th>
                <th scope="col">{t('staff.calls.col.reviews')}</th>
                <th scope="col">{t('staff.calls.col.average')}</th>
                <th scope="col">{t('staff.calls.col.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => {
                const r = rankOf.get(a.id);
                return (
                  <tr key={a.id}>
                    <td>{r?.rank ?? '—'}</td>
                    <td>
                      <Link to={`/staff/calls/${call.id}/applications/${a.id}`}>
                        {orgName(a.organisationId)}
                      </Link>
                    </td>
                    <td>{t(`staff.calls.status.${a.status}`)}</td>
                    <td>{r ? `${r.submittedReviews}/${r.assignedReviews}` : '—'}</td>
                    <td>
                      {r?.averageTotal != null
                        ? new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
                            r.averageTotal,
                          )
                        : '—'}
                    </td>
                    <td>{a.decision ? t(`staff.calls.outcome.${a.decision.outcome}`) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
