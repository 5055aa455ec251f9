import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Layout';
import { ErrorBox } from '../../../components/ErrorBox';
import { Advisers, MyAdviserConsultations, NgoProfilesForStaff } from '../../../graphql/ngo-centre';
import { formatDateTime } from '../../../lib/format';
import { LANGUAGE_NAMES, type Language } from '../../../lib/language';
import { weekdayName } from '../../ngo/ngo-labels';
import { NgoNav } from './NgoNav';
import { MyAdviserPlan } from './AdviserPlan';

/**
 * The centre's advisers (staff accounts assigned by admins: `ngo_advisers`) with their weekly
 * plans in Warsaw time, and the reader's own bookings when they are an adviser.
 */
export function NgoAdvisersPage() {
  const { t, i18n } = useTranslation();
  const [advisers] = useQuery({ query: Advisers });
  const [mine] = useQuery({ query: MyAdviserConsultations });
  const bookings = mine.data?.myAdviserConsultations ?? [];
  // who booked: the organisations' names (a consultation carries only the id)
  const [orgs] = useQuery({ query: NgoProfilesForStaff, variables: {}, pause: !bookings.length });
  const names = new Map(
    orgs.data?.ngoProfilesForStaff.nodes.map((p) => [p.organisationId, p.organisation.name]),
  );
  return (
    <Page title={t('staff.ngo.advisers')}>
      <NgoNav />
      <ErrorBox error={advisers.error ?? mine.error} />
      {advisers.data?.advisers.length === 0 && <p>{t('staff.ngo.noAdvisers')}</p>}
      <ul className="ngo-list">
        {advisers.data?.advisers.map((a) => (
          <li key={a.id}>
            <h2>{a.displayName}</h2>
            <p>
              {a.topics.map((tp) => t(`ngo.topic.${tp}`)).join(', ')} ·{' '}
              {a.languages.map((l) => LANGUAGE_NAMES[l as Language] ?? l).join(', ')} ·{' '}
              {t('staff.ngo.slotMinutes', { count: a.slotMinutes })}
            </p>
            <ul>
              {a.plan.weekly
                .filter((d) => d.intervals.length > 0)
                .map((d) => (
                  <li key={d.weekday}>
                    {weekdayName(d.weekday, i18n.language)}:{' '}
                    {d.intervals.map((iv) => `${iv.from}–${iv.to}`).join(', ')}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <MyAdviserPlan />
      <h2>{t('staff.ngo.myBookings')}</h2>
      {mine.data && bookings.length === 0 && <p>{t('staff.ngo.noBookings')}</p>}
      <ul className="ngo-list">
        {bookings.map((c) => (
          <li key={c.id}>
            <strong>{formatDateTime(c.startsAt, i18n.language)}</strong> ·{' '}
            {names.get(c.organisationId) ?? ''} · {t(`ngo.topic.${c.topic}`)} ·{' '}
            {LANGUAGE_NAMES[c.language as Language] ?? c.language} ·{' '}
            {t(`ngo.consultStatus.${c.status}`)}
          </li>
        ))}
      </ul>
    </Page>
  );
}
