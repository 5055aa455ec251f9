import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { CallErrorBox as ErrorBox } from './CallErrorBox';
import { formatDateTime } from '../../../lib/format';
import { ConsoleCall, MyReviews, ReviewApplication, SubmitReview } from '../../../graphql/calls';
import { AnswerList } from './AnswerList';
import { useOrganisationNames } from './use-organisation-names';
import './calls.css';

/** /staff/reviews: the applications the signed-in reviewer is assigned to score. */
export function ReviewsPage() {
  const { t } = useTranslation();
  const [res] = useQuery({ query: MyReviews, variables: {} });
  const reviews = res.data?.myReviews ?? [];
  return (
    <Page title={t('staff.reviews.title')}>
      <ErrorBox error={res.error} />
      {res.fetching && <p role="status">{t('common.loading')}</p>}
      {res.data && reviews.length === 0 && <p>{t('staff.reviews.none')}</p>}
      <ul className="call-list">
        {reviews.map((r, i) => (
          <li key={r.id} className="card">
            <h2>
              <Link to={`/staff/reviews/${r.applicationId}`}>
                {t('staff.reviews.item', { n: i + 1 })}
              </Link>
            </h2>
            <p className="meta">
              {t(`staff.calls.review.${r.status}`)}
              {r.status === 'submitted' && ` · ${t('staff.calls.points', { count: r.total })}`}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

/**
 * /staff/reviews/:applicationId: the answers beside the criteria, points per criterion and a
 * comment, submitted once (after the deadline; the API says so before). Others' scores appear
 * only after one's own is submitted (the API hides them until then).
 */
export function ReviewPage() {
  const { applicationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [res, reload] = useQuery({ query: ReviewApplication, variables: { id: applicationId } });
  const callId = res.data?.applicationToReview.callId ?? '';
  const [callRes] = useQuery({ query: ConsoleCall, variables: { id: callId }, pause: !callId });
  const [submitting, submit] = useMutation(SubmitReview);
  const [points, setPoints] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const orgName = useOrganisationNames();
  const call = callRes.data?.call;
  const data = res.data;
  if (!call || !data)
    return (
      <Page title={t('staff.reviews.one')}>
        <ErrorBox error={res.error ?? callRes.error} />
        {!res.error && !callRes.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const a = data.applicationToReview;
  const mine = data.applicationReviews.find((r) => r.status === 'assigned');
  const submitted = data.applicationReviews.filter((r) => r.status === 'submitted');
  const criterion = new Map(call.criteria.map((c) => [c.key, c]));

  return (
    <Page title={t('staff.reviews.of', { organisation: orgName(a.organisationId) })}>
      <p>
        <Link to="/staff/reviews">{t('staff.reviews.back')}</Link>
      </p>
      <p className="meta">
        <span lang={call.title.language}>{call.title.text}</span> ·{' '}
        {t('staff.reviews.deadline', { at: formatDateTime(call.closesAt, i18n.language) })}
      </p>
      <div className="review-layout">
        <section aria-labelledby="answers-h">
          <h2 id="answers-h">{t('staff.calls.answers')}</h2>
          <AnswerList form={call.form} values={a.values} />
        </section>
        <section aria-labelledby="score-h">
          <h2 id="score-h">{t('staff.reviews.score')}</h2>
          {mine ? (
            <form
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                setError(null);
                const empty = call.criteria
                  .filter((c) => !/^\d+$/.test(points[c.key] ?? ''))
                  .map((c) => c.key);
                setMissing(empty);
                if (empty.length) return;
                const r = await submit({
                  input: {
                    applicationId: a.id,
                    scores: call.criteria.map((c) => ({
                      criterionKey: c.key,
                      points: Number(points[c.key]),
                    })),
                    ...(comment.trim() ? { comment: comment.trim() } : {}),
                  },
                });
                if (r.error) return setError(r.error);
                reload({ requestPolicy: 'network-only' });
              }}
            >
              {missing.length > 0 && (
                <p role="alert" className="error-box">
                  {t('staff.reviews.missing')}
                </p>
              )}
              <ErrorBox error={error} />
              {call.criteria.map((c) => (
                <div key={c.key}>
                  <label htmlFor={`score-${c.key}`}>
                    {t('staff.reviews.criterion', { label: c.label.text, max: c.maxPoints })}
                  </label>
                  <input
                    id={`score-${c.key}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={c.maxPoints}
                    aria-invalid={missing.includes(c.key) || undefined}
                    value={points[c.key] ?? ''}
                    onChange={(e) => setPoints({ ...points, [c.key]: e.target.value })}
                  />
                </div>
              ))}
              <label htmlFor="review-comment">{t('staff.reviews.comment')}</label>
              <textarea
                id="review-comment"
                rows={4}
                maxLength={5000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <p className="hint">{t('staff.reviews.final')}</p>
              <button type="submit" className="primary" disabled={submitting.fetching}>
                {t('staff.reviews.submit')}
              </button>
            </form>
          ) : (
            <>
              <p role="status" className="notice ok">
                {t('staff.reviews.submitted')}
              </p>
              <ul className="reviews">
                {submitted.map((r, i) => (
                  <li key={r.id} className="card">
                    <p>
                      <strong>{t('staff.reviews.reviewN', { n: i + 1 })}</strong> ·{' '}
                      {t('staff.calls.points', { count: r.total })}
                    </p>
                    <ul>
                      {r.scores.map((s) => (
                        <li key={s.criterionKey}>
                          {criterion.get(s.criterionKey)?.label.text}: {s.points}/
                          {criterion.get(s.criterionKey)?.maxPoints}
                        </li>
                      ))}
                    </ul>
                    {r.comment && <p className="answer-text">{r.comment}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}
