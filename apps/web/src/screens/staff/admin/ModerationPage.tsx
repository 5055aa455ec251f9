import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { HidePost, ModerationQueue, RestorePost, StaffForums } from '../../../graphql/staff-admin';

/**
 * An estate forum's reported and hidden posts: the text in its language, the reporters'
 * reasons; a moderator hides or restores with a reason the author is told. The API checks that
 * the reader moderates this forum (or is an admin).
 */
export function ModerationPage() {
  const { t } = useTranslation();
  const [forums] = useQuery({ query: StaffForums });
  const [forumId, setForumId] = useState('');
  const [queue, refetch] = useQuery({
    query: ModerationQueue,
    variables: { forumId },
    pause: !forumId,
  });
  const [, runHide] = useMutation(HidePost);
  const [, runRestore] = useMutation(RestorePost);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<CombinedError | null>(null);
  const [notice, setNotice] = useState('');

  const decide = async (postId: string, hide: boolean) => {
    const reason = (reasons[postId] ?? '').trim();
    setNotice('');
    const input = { postId, reason };
    const r = hide ? await runHide({ input }) : await runRestore({ input });
    setError(r.error ?? null);
    if (!r.error) {
      setNotice(hide ? t('staff.moderation.hidden') : t('staff.moderation.restored'));
      setReasons({ ...reasons, [postId]: '' });
    }
    refetch({ requestPolicy: 'network-only' });
  };

  const nodes = queue.data?.moderationQueue.nodes ?? [];
  return (
    <Page title={t('staff.moderation.title')}>
      <p className="hint">{t('staff.moderation.intro')}</p>
      <label htmlFor="moderation-forum">{t('staff.stats.forum')}</label>
      <select id="moderation-forum" value={forumId} onChange={(e) => setForumId(e.target.value)}>
        <option value="">—</option>
        {forums.data?.forums.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? queue.error ?? forums.error} />
      {queue.data && nodes.length === 0 && <p>{t('staff.moderation.none')}</p>}
      <ul className="queue">
        {nodes.map((p) => (
          <li key={p.id} className="queue-item" data-testid="moderated-post">
            <p className="meta">
              {t(`staff.moderation.kind.${p.kind}`)} ·{' '}
              {p.hidden ? t('staff.moderation.isHidden') : t('staff.moderation.isVisible')} ·{' '}
              {t('staff.moderation.reports', { count: p.reportCount })}
              {p.decided && ` · ${t('staff.moderation.decided')}`}
            </p>
            {p.content ? (
              <div lang={p.content.language}>
                {p.content.title && (
                  <p>
                    <strong>{p.content.title}</strong>
                  </p>
                )}
                <p className="pre">{p.content.text}</p>
              </div>
            ) : (
              <p>{t('staff.moderation.erased')}</p>
            )}
            {p.content && (
              <p className="hint">
                {t('staff.moderation.language', { language: p.content.languageName })}
              </p>
            )}
            {p.reportReasons.length > 0 && (
              <>
                <p>{t('staff.moderation.reasons')}</p>
                <ul>
                  {p.reportReasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </>
            )}
            {p.hiddenReason && (
              <p>{t('staff.moderation.hiddenBecause', { reason: p.hiddenReason })}</p>
            )}
            <label htmlFor={`reason-${p.id}`}>{t('staff.moderation.reason')}</label>
            <textarea
              id={`reason-${p.id}`}
              rows={2}
              value={reasons[p.id] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })}
            />
            <div className="actions">
              {p.hidden ? (
                <button
                  type="button"
                  className="primary"
                  disabled={!(reasons[p.id] ?? '').trim()}
                  onClick={() => void decide(p.id, false)}
                >
                  {t('staff.moderation.restore')}
                </button>
              ) : (
                <button
                  type="button"
                  className="primary"
                  disabled={!(reasons[p.id] ?? '').trim()}
                  onClick={() => void decide(p.id, true)}
                >
                  {t('staff.moderation.hide')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Page>
  );
}
