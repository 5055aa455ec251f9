import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useGrantRoles } from './grant-staff';

/** The console's "Micro-grants" link, for holders of an operator staff or finance assignment. */
export function GrantsNavLink() {
  const { t } = useTranslation();
  const roles = useGrantRoles();
  return roles.any ? <NavLink to="/staff/grants">{t('staff.grants.nav')}</NavLink> : null;
}
