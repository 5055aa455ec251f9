import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../app-context';
import '../../ngo/ngo.css';

/** The centre's screens in the console. */
export function NgoNav() {
  const { t } = useTranslation();
  const { user } = useApp();
  return (
    <nav className="staff-nav" aria-label={t('staff.ngo.nav')}>
      <NavLink to="/staff/ngo" end>
        {t('staff.ngo.verification')}
      </NavLink>
      <NavLink to="/staff/ngo/rooms" end>
        {t('staff.ngo.rooms')}
      </NavLink>
      <NavLink to="/staff/ngo/advisers" end>
        {t('staff.ngo.advisers')}
      </NavLink>
      <NavLink to="/staff/ngo/volunteering">{t('staff.ngo.volunteering')}</NavLink>
      <NavLink to="/staff/ngo/rooms/setup">{t('staff.ngo.setup.roomsTitle')}</NavLink>
      {user?.roles.includes('admin') && (
        <NavLink to="/staff/ngo/advisers/setup">{t('staff.ngo.setup.advisersTitle')}</NavLink>
      )}
    </nav>
  );
}
