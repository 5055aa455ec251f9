import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * The facilitator's way to new ideas that wait for a decision: each links to its page, where the
 * state and the reason for residents are set (IdeaStateForm).
 */
export function IdeasToDecide({
  forumId,
  ideas,
}: {
  forumId: string;
  ideas: readonly {
    id: string;
    state: string;
    content: { language: string; title: string | null } | null;
  }[];
}) {
  const { t } = useTranslation();
  const waiting = ideas.filter((i) => i.state === 'NEW' && i.content);
  return (
    <div className="card" data-testid="ideas-to-decide">
      <h3 id="ideas-to-decide">{t('forums.ideaState.waiting')}</h3>
      {waiting.length === 0 ? (
        <p>{t('forums.ideaState.waitingNone')}</p>
      ) : (
        <>
          <p className="hint">{t('forums.ideaState.waitingHint')}</p>
          <ul aria-labelledby="ideas-to-decide">
            {waiting.map((i) => (
              <li key={i.id}>
                <Link to={`/forums/${forumId}/ideas/${i.id}`} lang={i.content?.language}>
                  {i.content?.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
