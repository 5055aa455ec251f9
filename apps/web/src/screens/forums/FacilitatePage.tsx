import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { FacilitatorActivities, FacilitatorDiscussion } from '../../graphql/forums';
import { useApp } from '../../app-context';
import { formatDateTime } from '../../lib/format';
import { MinutesForm, MinutesIdeas, PlanActivityForm } from './facilitate/ActivityForms';
import { DebateForms, PaperIdeaForm } from './facilitate/DiscussionForms';
import { IdeasToDecide } from './facilitate/IdeasToDecide';
import {
  DraftRecommendationForm,
  RecommendationSteps,
  type RecommendationRow,
} from './facilitate/RecommendationForms';
import './facilitate/facilitate.css';

/**
 * The forum's own work, for the people who run it: facilitators (a forum role, often a
 * volunteer without a staff role) plan activities, write minutes with photos, enter paper
 * ideas, open and close debates, draft, adopt and send recommendations; the city desk (staff)
 * records the city's answer and milestones. The API checks every step; this screen only shows
 * what the reader may do.
 */
export function FacilitatePage() {
  const { t } = useTranslation();
  const { forumId = '' } = useParams();
  const { user, language } = useApp();
  const [notice, setNotice] = useState('');
  const [activitiesRes, refetchActivities] = useQuery({
    query: FacilitatorActivities,
    variables: { id: forumId },
    requestPolicy: 'cache-and-network',
    pause: !user,
  });
  const [discussion, refetchDiscussion] = useQuery({
    query: FacilitatorDiscussion,
    variables: { id: forumId },
    requestPolicy: 'cache-and-network',
    pause: !user,
  });
  const forum = activitiesRes.data?.forum;
  const roles = forum?.viewerRoles ?? [];
  const facilitator = roles.includes('FACILITATOR');
  const cityDesk = !!user?.roles.some((r) => r === 'staff' || r === 'admin');
  const done = (message: string) => {
    setNotice(message);
    refetchActivities({ requestPolicy: 'network-only' });
    refetchDiscussion({ requestPolicy: 'network-only' });
  };

  if (!user || (forum && !facilitator && !cityDesk))
    return (
      <Page title={t('forums.facil.title')}>
        <p className="notice">{t('forums.facil.notYours')}</p>
        <p>
          <Link to={`/forums/${forumId}`}>{t('forums.backToForum')}</Link>
        </p>
      </Page>
    );
  if (!forum)
    return (
      <Page title={t('forums.facil.title')}>
        <ErrorBox error={activitiesRes.error} />
        {!activitiesRes.error && <p role="status">{t('common.loading')}</p>}
      </Page>
    );

  const activities = activitiesRes.data?.forumActivities.nodes ?? [];
  const ideas = (discussion.data?.forumIdeas.nodes ?? []).flatMap((i) =>
    i.content
      ? [
          {
            id: i.id,
            title: i.content.title ?? '',
            language: i.content.language,
            activityId: i.activityId,
          },
        ]
      : [],
  );
  const debates = (discussion.data?.forumDebates.nodes ?? []).flatMap((d) =>
    d.content
      ? [{ id: d.id, closed: d.closed, title: d.content.title ?? '', language: d.content.language }]
      : [],
  );
  const recommendations = (discussion.data?.forumRecommendations.nodes ??
    []) as RecommendationRow[];

  return (
    <Page title={t('forums.facil.titleFor', { name: forum.name })}>
      <p>
        <Link to={`/forums/${forumId}`}>{t('forums.backToForum')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice">{notice}</p>}
      </div>
      <ErrorBox error={activitiesRes.error ?? discussion.error} />

      {facilitator && (
        <section aria-labelledby="facil-activities">
          <h2 id="facil-activities">{t('forums.facil.activities')}</h2>
          <PlanActivityForm forumId={forumId} onDone={done} />
          <ul className="cards">
            {activities.map((a) => (
              <li key={a.id} className="card" data-testid="facil-activity">
                <h3>
                  <Link to={`/events/${a.eventId}`}>{a.title}</Link>
                </h3>
                <p className="meta">
                  {t(`forums.activityKind.${a.kind}`)} ·{' '}
                  <time dateTime={a.startsAt}>{formatDateTime(a.startsAt, language)}</time>
                </p>
                {a.minutes ? (
                  <>
                    <p>{a.minutes.text}</p>
                    <p className="meta">
                      {t('forums.facil.came', { count: a.minutes.participants })}
                      {a.minutes.newcomers != null &&
                        ` · ${t('forums.facil.newcomersCount', { count: a.minutes.newcomers })}`}
                    </p>
                    <MinutesIdeas forumId={forumId} ideaIds={a.ideaIds} ideas={ideas} />
                  </>
                ) : (
                  <MinutesForm activityId={a.id} title={a.title} ideas={ideas} onDone={done} />
                )}
                {a.photos.length > 0 && (
                  <ul className="facil-photos">
                    {a.photos.map((p) => (
                      <li key={p.id}>
                        <img
                          src={p.url}
                          alt={t('forums.facil.photoOf', { title: a.title })}
                          loading="lazy"
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {facilitator && (
        <section aria-labelledby="facil-ideas">
          <h2 id="facil-ideas">{t('forums.facil.ideasAndDebates')}</h2>
          <IdeasToDecide forumId={forumId} ideas={discussion.data?.forumIdeas.nodes ?? []} />
          <PaperIdeaForm
            forumId={forumId}
            activities={activities.map((a) => ({ id: a.id, title: a.title }))}
            onDone={done}
          />
          <DebateForms forumId={forumId} debates={debates} onDone={done} />
        </section>
      )}

      <section aria-labelledby="facil-recommendations">
        <h2 id="facil-recommendations">{t('forums.recommendations')}</h2>
        {facilitator && <DraftRecommendationForm forumId={forumId} ideas={ideas} onDone={done} />}
        {discussion.data && recommendations.length === 0 && <p>{t('forums.noRecommendations')}</p>}
        {recommendations.map((r) => (
          <RecommendationSteps
            key={r.id}
            rec={r}
            facilitator={facilitator}
            cityDesk={cityDesk}
            onDone={done}
          />
        ))}
      </section>
    </Page>
  );
}
