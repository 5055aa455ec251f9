import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ErrorBox } from '../../components/ErrorBox';
import { Follow, MyFollows, Unfollow } from '../../graphql/forums';

/**
 * Follow or unfollow a forum (new activities, the city's answers) or an idea (replies, state
 * changes): notifications come to the notifications page, in the reader's language.
 */
export function FollowButton({ targetId, kind }: { targetId: string; kind: 'FORUM' | 'IDEA' }) {
  const { t } = useTranslation();
  const [mine, refetch] = useQuery({ query: MyFollows, requestPolicy: 'cache-and-network' });
  const [followed, follow] = useMutation(Follow);
  const [unfollowed, unfollow] = useMutation(Unfollow);
  const following = !!mine.data?.myFollows.some(
    (f) => f.targetId === targetId && f.targetKind === kind && f.following,
  );
  const input = { targetId, targetKind: kind };
  const again = (r: { error?: unknown }) => !r.error && refetch({ requestPolicy: 'network-only' });
  const prefix = kind === 'FORUM' ? 'forums.follow.forum' : 'forums.follow.idea';
  return (
    <div className="follow">
      <ErrorBox error={followed.error ?? unfollowed.error} />
      <button
        type="button"
        aria-pressed={following}
        disabled={!mine.data || followed.fetching || unfollowed.fetching}
        onClick={async () => again(following ? await unfollow({ input }) : await follow({ input }))}
      >
        {following ? t(`${prefix}Following`) : t(`${prefix}`)}
      </button>
      <p className="hint">{t(`${prefix}Hint`)}</p>
    </div>
  );
}
