import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import {
  ForumModerationQueue,
  ForumViewerRoles,
  HideForumPost,
  RestoreForumPost,
} from '../../graphql/forums';
import { useApp } from '../../app-context';
import { useAction } from './facilitate/useAction';
import './facilitate/facilitate.css';

/**
 * A forum's volunteer moderators (a forum role, no staff role needed): reported and hidden posts
 * with the reporters' reasons; hide or restore with a reason the author is told (the same
 * operations as the console's moderation page; the API checks the role).
 */
export function ModeratePage() {
  const { t } = useTranslation();
  const { forumId = '' } = useParams();
  const { user } = useApp();
  // first who the reader is in this forum; the queue only for its moderators
  const [viewer] = useQuery({
    query: ForumViewerRoles,
    variables: { forumId },
    requestPolicy: 'network-only',
    pause: !user,
  });
  const forum = viewer.data?.forum;
  const moderator = !!forum?.viewerRoles.includes('MODERATOR');
  const [queue, refetch] = useQuery({
    query: ForumModerationQueue,
    variables: { forumId },
    requestPolicy: 'network-only',
    pause: !moderator,
  });
  const [, hide] = useMutation(HideForumPost);
  const [, restore] = useMutation(RestoreForumPost);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const { error, busy, run } = useAction((message) => {
    setNotice(message);
    refetch({ requestPolicy: 'network-only' });
  });
  if (!user || (forum && !moderator))
    return (
      <Page title={t('forums.mod.title')}>
        <p className="notice">{t('forums.mod.notYours')}</p>
        <p>
          <Link to={`/forums/${forumId}`}>{t('forums.backToForum')}</Link>
        </p>
      </Page>
    );

  const decide = async (postId: string, hidePost: boolean) => {
    const input = { postId, reason: (reasons[postId] ?? '').trim() };
    const ok = await run(
      () => (hidePost ? hide({ input }) : restore({ input })),
      hidePost ? t('forums.mod.hidden') : t('forums.mod.restored'),
    );
    if (ok) setReasons({ ...reasons, [postId]: '' });
  };

  const nodes = queue.data?.moderationQueue.nodes ?? [];
  return (
    <Page title={forum ? t('forums.mod.titleFor', { name: forum.name }) : t('forums.mod.title')}>
      <p>
        <Link to={`/forums/${forumId}`}>{t('forums.backToForum')}</Link>
      </p>
      <p className="hint">{t('forums.mod.intro')}</p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={error ?? viewer.error ?? queue.error} />
      {!queue.data && !queue.error && <p role="status">{t('common.loading')}</p>}
      {queue.data && nodes.length === 0 && <p>{t('forums.mod.none')}</p>}
      <ul className="cards">
        {nodes.map((p) => (
          <li key={p.id} className="card" data-testid="moderated-post">
            <p className="meta">
              {t(`forums.mod.kind.${p.kind}`)} ·{' '}
              {p.hidden ? t('forums.mod.isHidden') : t('forums.mod.isVisible')} ·{' '}
              {t('forums.mod.reports', { count: p.reportCount })}
            </p>
            {p.content ? (
              <div lang={p.content.language}>
                {p.content.title && (
                  <p>
                    <strong>{p.content.title}</strong>
                  </p>
                )}
                <p>{p.content.text}</p>
              </div>
            ) : (
              <p>{t('forums.mod.erased')}</p>
            )}
            {p.content && (
              <p className="hint">{t('forums.writtenIn', { language: p.content.languageName })}</p>
            )}
            {p.reportReasons.length > 0 && (
              <>
                <p>{t('forums.mod.reasons')}</p>
                <ul>
                  {p.reportReasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ul>
              </>
            )}
            {p.hiddenReason && <p>{t('forums.mod.hiddenBecause', { reason: p.hiddenReason })}</p>}
            <form
              className="facil-form"
              onSubmit={(e) => {
                e.preventDefault();
                void decide(p.id, !p.hidden);
              }}
            >
              <label htmlFor={`reason-${p.id}`}>{t('forums.mod.reason')}</label>
              <p className="hint" id={`reason-${p.id}-hint`}>
                {t('forums.mod.reasonHint')}
              </p>
              <textarea
                id={`reason-${p.id}`}
                required
                minLength={3}
                maxLength={1000}
                rows={2}
                aria-describedby={`reason-${p.id}-hint`}
                value={reasons[p.id] ?? ''}
                onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })}
              />
              <button type="submit" className="primary" disabled={busy}>
                {p.hidden ? t('forums.mod.restore') : t('forums.mod.hide')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </Page>
  );
}
