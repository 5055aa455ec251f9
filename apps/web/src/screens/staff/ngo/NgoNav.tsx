import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../ngo/ngo.css';

/** The centre's screens in the console. */
export function NgoNav() {
  const { t } = useTranslation();
  return (
    <nav className="staff-nav" aria-label={t('staff.ngo.nav')}>
      <NavLink to="/staff/ngo" end>
        {t('staff.ngo.verification')}
      </NavLink>
      <NavLink to="/staff/ngo/rooms">{t('staff.ngo.rooms')}</NavLink>
      <NavLink to="/staff/ngo/advisers">{t('staff.ngo.advisers')}</NavLink>
      <NavLink to="/staff/ngo/volunteering">{t('staff.ngo.volunteering')}</NavLink>
    </nav>
  );
}
