import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/**
 * Links to the forum's work screens, shown only to holders of a forum role (or the city desk for
 * recommendations); the screens themselves are separate lazy chunks, so residents never load them.
 */
export function ForumRoleLinks({
  forumId,
  roles,
  cityDesk,
}: {
  forumId: string;
  roles: readonly string[];
  cityDesk: boolean;
}) {
  const { t } = useTranslation();
  const facilitate = roles.includes('FACILITATOR') || cityDesk;
  const moderate = roles.includes('MODERATOR');
  if (!facilitate && !moderate) return null;
  return (
    <nav aria-label={t('forums.roles.nav')} className="card">
      <p>{t('forums.roles.intro')}</p>
      <p className="row">
        {facilitate && (
          <Link className="button" to={`/forums/${forumId}/facilitate`}>
            {roles.includes('FACILITATOR')
              ? t('forums.roles.facilitate')
              : t('forums.roles.cityDesk')}
          </Link>
        )}
        {moderate && (
          <Link className="button" to={`/forums/${forumId}/moderate`}>
            {t('forums.roles.moderate')}
          </Link>
        )}
      </p>
    </nav>
  );
}
