import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import {
  CommentOnPost,
  IdeaComments,
  IdeaPage as IdeaQuery,
  SupportIdea,
  WithdrawIdeaSupport,
} from '../../graphql/forums';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { ForumTextView, titleOf } from './ForumTextView';
import { ReportButton } from './ReportButton';
import { FollowButton } from './FollowButton';
import { IdeaStateAnswer } from './IdeaStateAnswer';
import type { Language } from '../../lib/language';

/** Only facilitators download the form that sets an idea's state. */
const IdeaStateForm = lazy(async () => ({
  default: (await import('./IdeaStateForm')).IdeaStateForm,
}));

/** Only translators and facilitators download the translation form. */
const TranslateForm = lazy(async () => ({
  default: (await import('./TranslateForm')).TranslateForm,
}));

function CommentForm({
  targetId,
  replyToId,
  label,
  onDone,
}: {
  targetId: string;
  replyToId?: string;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [res, comment] = useMutation(CommentOnPost);
  const id = `comment-${replyToId ?? 'new'}`;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await comment({ input: { targetId, replyToId, text: text.trim() } });
        if (!r.error) {
          setText('');
          onDone();
        }
      }}
    >
      <ErrorBox error={res.error} />
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        required
        maxLength={3000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={res.fetching}>
        {t('forums.send')}
      </button>
    </form>
  );
}

export function IdeaPage() {
  const { t } = useTranslation();
  const { forumId = '', ideaId = '' } = useParams();
  const { user, language } = useApp();
  const [res, refetch] = useQuery({
    query: IdeaQuery,
    variables: { id: ideaId, forumId },
    requestPolicy: 'cache-and-network',
  });
  const [commentsRes, refetchComments] = useQuery({
    query: IdeaComments,
    variables: { id: ideaId },
    requestPolicy: 'cache-and-network',
  });
  const [supported, support] = useMutation(SupportIdea);
  const [withdrawn, withdraw] = useMutation(WithdrawIdeaSupport);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const idea = res.data?.idea;
  const forum = res.data?.forum;
  if (!idea || !forum)
    return (
      <Page title={t('common.loading')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const again = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchComments({ requestPolicy: 'network-only' });
  };
  const member = forum.viewerIsMember;
  const translator = forum.viewerRoles.some((r) => r === 'TRANSLATOR' || r === 'FACILITATOR');
  const comments = commentsRes.data?.forumComments.nodes ?? [];
  const top = comments.filter((c) => !c.replyToId);
  const repliesTo = (id: string) => comments.filter((c) => c.replyToId === id);
  const renderComment = (c: (typeof comments)[number]) => (
    <li key={c.id} data-testid="comment">
      {c.content ? (
        <ForumTextView content={c.content} nameLanguage={c.content.language !== language} />
      ) : (
        <p className="meta">{c.erased ? t('forums.commentErased') : t('forums.commentHidden')}</p>
      )}
      <p className="meta">
        <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, language)}</time>
        {c.author.userId === user?.id && ` · ${t('forums.you')}`}
      </p>
      {user && c.content && (
        <div className="row">
          {member && !c.replyToId && (
            <button
              type="button"
              aria-expanded={replyTo === c.id}
              onClick={() => setReplyTo(replyTo === c.id ? null : c.id)}
            >
              {t('forums.reply')}
            </button>
          )}
          {c.author.userId !== user.id && <ReportButton postId={c.id} />}
        </div>
      )}
      {translator && c.content && (
        <Suspense fallback={null}>
          <TranslateForm
            postId={c.id}
            original={c.content.language as Language}
            withTitle={false}
            onDone={again}
          />
        </Suspense>
      )}
      {replyTo === c.id && (
        <CommentForm
          targetId={idea.id}
          replyToId={c.id}
          label={t('forums.replyLabel')}
          onDone={() => {
            setReplyTo(null);
            again();
          }}
        />
      )}
      {repliesTo(c.id).length > 0 && (
        <ul className="replies">{repliesTo(c.id).map(renderComment)}</ul>
      )}
    </li>
  );
  const count = supported.data?.supportIdea ?? withdrawn.data?.withdrawIdeaSupport;
  const supports = idea.viewerSupports;
  return (
    <Page title={idea.content ? titleOf(idea.content) : t('forums.ideaHidden')}>
      <p>
        <Link to={`/forums/${forum.id}`}>{t('forums.back', { name: forum.name })}</Link>
      </p>
      {idea.content && <ForumTextView content={idea.content} />}
      <dl className="facts">
        <dt>{t('forums.stateLabel')}</dt>
        <dd data-testid="idea-state">{t(`forums.state.${idea.state}`)}</dd>
        {idea.place?.address && (
          <>
            <dt>{t('forums.address')}</dt>
            <dd>{idea.place.address}</dd>
          </>
        )}
        <dt>{t('forums.supportLabel')}</dt>
        <dd data-testid="support-count">{t('forums.supports', { count: idea.supportCount })}</dd>
        {idea.author.fromPaper && (
          <>
            <dt>{t('forums.source')}</dt>
            <dd>{t('forums.fromPaper')}</dd>
          </>
        )}
      </dl>
      {idea.stateReason && (
        <IdeaStateAnswer reason={idea.stateReason} language={idea.stateReasonLanguage} />
      )}
      <ErrorBox error={supported.error ?? withdrawn.error} />
      {count && (
        <p role="status" className="notice">
          {count.supported ? t('forums.supported') : t('forums.withdrawn')}
        </p>
      )}
      {user && member && !idea.hidden && (
        <div className="row">
          {supports ? (
            <button
              type="button"
              disabled={withdrawn.fetching}
              onClick={async () => {
                if (!(await withdraw({ input: { ideaId: idea.id } })).error) again();
              }}
            >
              {t('forums.withdraw')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={supported.fetching}
              onClick={async () => {
                if (!(await support({ input: { ideaId: idea.id } })).error) again();
              }}
            >
              {t('forums.support')}
            </button>
          )}
          {idea.author.userId !== user.id && <ReportButton postId={idea.id} />}
        </div>
      )}
      {user && <FollowButton targetId={idea.id} kind="IDEA" />}
      {forum.viewerRoles.includes('FACILITATOR') && (
        <Suspense fallback={null}>
          <IdeaStateForm ideaId={idea.id} state={idea.state} onDone={again} />
        </Suspense>
      )}
      {translator && idea.content && (
        <Suspense fallback={null}>
          <TranslateForm
            postId={idea.id}
            original={idea.content.language as Language}
            withTitle
            onDone={again}
          />
        </Suspense>
      )}
      {user && !member && <p className="notice">{t('forums.joinToTakePart')}</p>}
      {!user && (
        <p className="notice">
          <Link to="/account">{t('forums.signInToJoin')}</Link>
        </p>
      )}
      <section aria-labelledby="comments-title">
        <h2 id="comments-title">{t('forums.comments', { count: comments.length })}</h2>
        <ErrorBox error={commentsRes.error} />
        {commentsRes.data && comments.length === 0 && <p>{t('forums.noComments')}</p>}
        <ul className="comment-list">{top.map(renderComment)}</ul>
        {user && member && !idea.hidden && (
          <CommentForm targetId={idea.id} label={t('forums.commentLabel')} onDone={again} />
        )}
      </section>
    </Page>
  );
}
