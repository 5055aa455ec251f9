import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox, FallbackNotice } from '../../components/ErrorBox';
import {
  ForumDiscussion,
  ForumIdeas,
  ForumPage as ForumQuery,
  JoinForum,
  LeaveForum,
  SetMembershipVisibility,
} from '../../graphql/forums';
import { useApp } from '../../app-context';
import { formatDate, formatDateTime } from '../../lib/format';
import { ForumTextView, titleLang, titleOf } from './ForumTextView';
import { FollowButton } from './FollowButton';
import { ForumRoleLinks } from './ForumRoleLinks';
import { IdeaStateFilter } from './IdeaStateFilter';
import { stateFromQuery } from './idea-states';

/** Join or leave; whether to be listed among the members is asked plainly, off unless chosen. */
function Membership({
  forumId,
  member,
  listed,
  onChange,
}: {
  forumId: string;
  member: boolean;
  listed: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [publicChoice, setPublicChoice] = useState(false);
  const [joined, join] = useMutation(JoinForum);
  const [left, leave] = useMutation(LeaveForum);
  const [shown, setShown] = useMutation(SetMembershipVisibility);
  const done = (r: { error?: unknown }) => !r.error && onChange();
  return (
    <section aria-labelledby="membership-title" className="card">
      <h2 id="membership-title">{t('forums.membership')}</h2>
      <ErrorBox error={joined.error ?? left.error ?? shown.error} />
      {member ? (
        <>
          <p role="status">{t('forums.youAreMember')}</p>
          <label className="choice">
            <input
              type="checkbox"
              checked={listed}
              aria-describedby="public-hint"
              disabled={shown.fetching}
              onChange={async (e) =>
                done(await setShown({ input: { forumId, public: e.target.checked } }))
              }
            />
            <span>{t('forums.showMe')}</span>
          </label>
          <p className="hint" id="public-hint">
            {t('forums.showMeHint')}
          </p>
          <button
            type="button"
            disabled={left.fetching}
            onClick={async () => done(await leave({ input: { forumId } }))}
          >
            {t('forums.leave')}
          </button>
        </>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            done(await join({ input: { forumId, public: publicChoice } }));
          }}
        >
          <p>{t('forums.joinWhy')}</p>
          <label className="choice">
            <input
              type="checkbox"
              checked={publicChoice}
              aria-describedby="public-hint"
              onChange={(e) => setPublicChoice(e.target.checked)}
            />
            <span>{t('forums.showMe')}</span>
          </label>
          <p className="hint" id="public-hint">
            {t('forums.showMeHint')}
          </p>
          <button type="submit" className="primary" disabled={joined.fetching}>
            {t('forums.join')}
          </button>
        </form>
      )}
    </section>
  );
}

export function ForumPage() {
  const { t } = useTranslation();
  const { forumId = '' } = useParams();
  const { user, language } = useApp();
  const [params, setParams] = useSearchParams();
  const stateFilter = stateFromQuery(params.get('state'));
  const [res, refetch] = useQuery({
    query: ForumQuery,
    variables: { id: forumId, signedIn: !!user },
    requestPolicy: 'cache-and-network',
  });
  const [ideasRes, refetchIdeas] = useQuery({
    query: ForumIdeas,
    variables: { id: forumId, state: stateFilter },
    requestPolicy: 'cache-and-network',
  });
  const [discussion] = useQuery({ query: ForumDiscussion, variables: { id: forumId } });
  const f = res.data?.forum;
  if (!f)
    return (
      <Page title={t('common.loading')}>
        {res.error ? <ErrorBox error={res.error} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const membership = res.data?.myForumMemberships?.find((m) => m.forumId === f.id);
  const member = membership?.member ?? f.viewerIsMember;
  const now = Date.now();
  const upcoming = (res.data?.forumActivities.nodes ?? [])
    .filter((a) => Date.parse(a.startsAt) > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const ideas = ideasRes.data?.forumIdeas.nodes ?? [];
  const debates = discussion.data?.forumDebates.nodes ?? [];
  const recommendations = discussion.data?.forumRecommendations.nodes ?? [];
  const again = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchIdeas({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('forums.forumTitle', { name: f.name })}>
      <p>
        <Link to="/forums">{t('forums.all')}</Link>
      </p>
      <FallbackNotice language={f.description.language} isFallback={f.description.isFallback} />
      <p lang={f.description.language}>{f.description.text}</p>
      <p className="meta">{t('forums.members', { count: f.memberCount })}</p>
      {user && (
        <ForumRoleLinks
          forumId={f.id}
          roles={f.viewerRoles}
          cityDesk={user.roles.some((r) => r === 'staff' || r === 'admin')}
        />
      )}
      {user ? (
        <Membership forumId={f.id} member={member} listed={!!membership?.public} onChange={again} />
      ) : (
        <p className="notice">
          <Link to="/account">{t('forums.signInToJoin')}</Link>
        </p>
      )}

      {user && <FollowButton targetId={f.id} kind="FORUM" />}

      {(res.data?.forumMembers.length ?? 0) > 0 && (
        <section aria-labelledby="members-title">
          <h2 id="members-title">{t('forums.publicMembers')}</h2>
          <ul data-testid="public-members">
            {res.data?.forumMembers.map((m) => (
              <li key={m.userId}>
                {m.displayName ?? t('forums.unnamedMember')}{' '}
                <span className="hint">
                  {t('forums.since', { date: formatDate(m.since, language) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t('forums.activities')}</h2>
        {upcoming.length === 0 && <p>{t('forums.noActivities')}</p>}
        <ul>
          {upcoming.map((a) => (
            <li key={a.id}>
              <Link to={`/events/${a.eventId}`}>{a.title}</Link>{' '}
              <span className="hint">
                {t(`forums.activityKind.${a.kind}`)} ·{' '}
                <time dateTime={a.startsAt}>{formatDateTime(a.startsAt, language)}</time>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ideas-title">
        <h2 id="ideas-title">{t('forums.ideas')}</h2>
        <ErrorBox error={ideasRes.error} />
        {member && (
          <p>
            <Link className="button primary" to={`/forums/${f.id}/ideas/new`}>
              {t('forums.postIdea')}
            </Link>
          </p>
        )}
        <IdeaStateFilter
          value={stateFilter}
          shown={ideasRes.data?.forumIdeas.totalCount}
          onChange={(next) => setParams(next ? { state: next } : {}, { replace: true })}
        />
        {ideasRes.data && ideas.length === 0 && (
          <p>{stateFilter ? t('forums.ideaState.noneInState') : t('forums.noIdeas')}</p>
        )}
        <ul className="cards">
          {ideas.map((i) => (
            <li key={i.id} className="card" data-testid="idea">
              <h3>
                <Link to={`/forums/${f.id}/ideas/${i.id}`} lang={titleLang(i.content)}>
                  {titleOf(i.content)}
                </Link>
              </h3>
              <p className="meta">
                {i.content && t('forums.writtenIn', { language: i.content.languageName })}
                {i.content?.translation && ` · ${t('forums.translated')}`}
              </p>
              <p className="meta">
                {t('forums.supports', { count: i.supportCount })} ·{' '}
                {t('forums.comments', { count: i.commentCount })} · {t(`forums.state.${i.state}`)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="debates-title">
        <h2 id="debates-title">{t('forums.debates')}</h2>
        <ErrorBox error={discussion.error} />
        {discussion.data && debates.length === 0 && <p>{t('forums.noDebates')}</p>}
        {debates.map(
          (d) =>
            d.content && (
              <article key={d.id} className="card">
                <ForumTextView content={d.content} showTitle />
                <p className="meta">
                  {d.closed ? t('forums.debateClosed') : t('forums.debateOpen')} ·{' '}
                  {t('forums.comments', { count: d.commentCount })}
                </p>
                {d.conclusions && (
                  <p>
                    <strong>{t('forums.conclusions')}</strong> {d.conclusions}
                  </p>
                )}
              </article>
            ),
        )}
      </section>

      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">{t('forums.recommendations')}</h2>
        {discussion.data && recommendations.length === 0 && <p>{t('forums.noRecommendations')}</p>}
        {recommendations.map((r) => (
          <article key={r.id} className="card">
            <ForumTextView content={r.content} showTitle />
            <p className="meta">{t(`forums.recState.${r.state}`)}</p>
            {r.answer && (
              <p>
                <strong>{t(`forums.answer.${r.answer.status}`)}</strong> {r.answer.reason}
              </p>
            )}
            {r.answer?.status === 'ACCEPTED' && (
              <>
                <label htmlFor={`progress-${r.id}`}>{t('forums.progress')}</label>{' '}
                <progress id={`progress-${r.id}`} max={100} value={r.progress}>
                  {r.progress}%
                </progress>{' '}
                {r.progress}%
                <ul>
                  {r.milestones.map((m) => (
                    <li key={m.id}>
                      <time dateTime={m.at}>{formatDateTime(m.at, language)}</time>: {m.title} (
                      {m.progress}%)
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </section>
    </Page>
  );
}
