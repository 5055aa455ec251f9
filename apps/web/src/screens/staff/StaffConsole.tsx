import { useEffect, useMemo, useState } from 'react';
import { Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app-context';
import { Page } from '../../components/Layout';
import { createStaffClient } from './staff-client';
import { QueuePage } from './QueuePage';
import { QuestionPage } from './QuestionPage';
import { FaqListPage } from './faq/FaqListPage';
import { FaqEntryPage } from './faq/FaqEntryPage';
import { UsersPage } from './admin/UsersPage';
import { StatsPage } from './admin/StatsPage';
import { ModerationPage } from './admin/ModerationPage';
import { loadStaffTexts, staffTextsLoaded } from './staff-texts';
import { EventForm } from './events/EventForm';
import { EventManagePage } from './events/EventManagePage';
import { EventsListPage } from './events/EventsListPage';
import { CallsPage } from './calls/CallsPage';
import { CallEditPage } from './calls/CallEditPage';
import { CallAdminPage } from './calls/CallAdminPage';
import { ApplicationAdminPage } from './calls/ApplicationAdminPage';
import { ApplyPage } from './calls/ApplyPage';
import { ReviewPage, ReviewsPage } from './calls/ReviewPages';
import {
  OrganisationPage,
  OrganisationsPage,
  OwnOrganisationPage,
} from './organisations/OrganisationsPage';
import { CoursesPage } from './academy/CoursesPage';
import { CourseEditPage } from './academy/CourseEditPage';
import { LessonEditPage } from './academy/LessonEditPage';
import { QuizEditPage } from './academy/QuizEditPage';
import { CohortsPage } from './cohorts/CohortsPage';
import {
  ConsoleNotificationsPage,
  NotificationsNavLink,
} from './notifications/ConsoleNotifications';
import { AttendancePage } from './cohorts/AttendancePage';
import { CertificatesPage } from './cohorts/CertificatesPage';
import { NgoVerificationPage } from './ngo/NgoVerificationPage';
import { NgoRoomsPage } from './ngo/NgoRoomsPage';
import { NgoAdvisersPage } from './ngo/NgoAdvisersPage';
import { NgoVolunteeringPage } from './ngo/NgoVolunteeringPage';
import { RoomsAdminPage } from './ngo/RoomsAdminPage';
import { AdvisersAdminPage } from './ngo/AdvisersAdminPage';
import { GrantsNavLink } from './grants/GrantsNavLink';
import { GrantsConsolePage } from './grants/GrantsConsolePage';
import { CallApplicationsPage } from './grants/CallApplicationsPage';
import { StaffApplicationPage } from './grants/StaffApplicationPage';
import { ProjectConsolePage } from './grants/ProjectConsolePage';
import { DeskPage } from './desk/DeskPage';
import './staff.css';

/** True for info-point staff and admins (the queue is theirs). */
export const isStaff = (roles: readonly string[] | undefined) =>
  !!roles?.some((r) => r === 'staff' || r === 'admin');

/** True for the accounts the console is for: staff, admins and library coordinators (events). */
export const isConsoleUser = (roles: readonly string[] | undefined) =>
  isStaff(roles) || !!roles?.includes('library');

/**
 * The console (info-point staff and admins: the queue and events; library coordinators: their
 * organisation's events), lazy-loaded under /staff (its own chunk and stylesheet, left out
 * of the service worker's precache): learners never download it.
 */
export function StaffConsole() {
  const { t } = useTranslation();
  const { user, language } = useApp();
  const client = useMemo(() => createStaffClient(language), [language]);
  const [textsFor, setTextsFor] = useState(() => (staffTextsLoaded(language) ? language : null));
  useEffect(() => {
    let stop = false;
    void loadStaffTexts(language).then(() => !stop && setTextsFor(language));
    return () => {
      stop = true;
    };
  }, [language]);
  if (textsFor !== language) return <p role="status">{t('common.loading')}</p>;
  if (!user)
    return (
      <Page title={t('staff.title')}>
        <p>{t('staff.signInFirst')}</p>
        <p>
          <Link className="button primary" to="/account?next=/staff">
            {t('nav.signIn')}
          </Link>
        </p>
      </Page>
    );
  if (!isConsoleUser(user.roles))
    return (
      <Page title={t('staff.title')}>
        <p role="alert">{t('staff.notStaff')}</p>
      </Page>
    );
  return (
    <UrqlProvider value={client}>
      <div className="staff">
        <nav className="staff-nav" aria-label={t('staff.nav.label')}>
          {isStaff(user.roles) && (
            <>
              <NavLink to="/staff" end>
                {t('staff.nav.queue')}
              </NavLink>
              <NavLink to="/staff/desk">{t('staff.desk.title')}</NavLink>
              <NavLink to="/staff/faq">{t('staff.nav.faq')}</NavLink>
              <NavLink to="/staff/academy">{t('staff.nav.academy')}</NavLink>
              <NavLink to="/staff/stats">{t('staff.nav.stats')}</NavLink>
              <NavLink to="/staff/moderation">{t('staff.nav.moderation')}</NavLink>
              <NavLink to="/staff/ngo">{t('staff.ngo.title')}</NavLink>
            </>
          )}
          {user.roles.includes('admin') && (
            <NavLink to="/staff/users">{t('staff.nav.users')}</NavLink>
          )}
          <NavLink to="/staff/events">{t('staff.events.title')}</NavLink>
          <GrantsNavLink />
          {(user.roles.includes('admin') || user.roles.includes('library')) && (
            <NavLink to="/staff/calls">{t('staff.calls.title')}</NavLink>
          )}
          {isStaff(user.roles) && <NavLink to="/staff/reviews">{t('staff.reviews.title')}</NavLink>}
          {user.roles.includes('admin') && (
            <NavLink to="/staff/organisations">{t('staff.orgs.title')}</NavLink>
          )}
          {user.roles.includes('library') && (
            <NavLink to="/staff/organisation">{t('staff.org.title')}</NavLink>
          )}
          {user.roles.includes('library') && <NotificationsNavLink />}
        </nav>
        <Routes>
          <Route
            index
            element={isStaff(user.roles) ? <QueuePage /> : <Navigate to="events" replace />}
          />
          {isStaff(user.roles) && (
            <>
              <Route path="questions/:questionId" element={<QuestionPage />} />
              <Route path="desk" element={<DeskPage />} />
              <Route path="faq" element={<FaqListPage />} />
              <Route path="faq/:entryId" element={<FaqEntryPage />} />
              <Route path="academy" element={<CoursesPage />} />
              <Route path="academy/:courseId" element={<CourseEditPage />} />
              <Route path="academy/:courseId/lessons/:lessonId" element={<LessonEditPage />} />
              <Route path="academy/:courseId/modules/:moduleId/quiz" element={<QuizEditPage />} />
              <Route path="academy/:courseId/cohorts" element={<CohortsPage />} />
              <Route
                path="academy/:courseId/cohorts/:cohortId/sessions/:sessionId"
                element={<AttendancePage />}
              />
              <Route path="academy/:courseId/certificates" element={<CertificatesPage />} />
              <Route path="stats" element={<StatsPage />} />
              <Route path="moderation" element={<ModerationPage />} />
              <Route path="users" element={<UsersPage />} />
              <Route path="ngo" element={<NgoVerificationPage />} />
              <Route path="ngo/rooms" element={<NgoRoomsPage />} />
              <Route path="ngo/advisers" element={<NgoAdvisersPage />} />
              <Route path="ngo/volunteering" element={<NgoVolunteeringPage />} />
              <Route path="ngo/rooms/setup" element={<RoomsAdminPage />} />
            </>
          )}
          <Route path="events" element={<EventsListPage />} />
          <Route path="events/new" element={<EventForm />} />
          <Route path="events/:eventId" element={<EventManagePage />} />
          <Route path="events/:eventId/edit" element={<EventForm />} />
          <Route path="grants" element={<GrantsConsolePage />} />
          <Route path="grants/:grantCallId" element={<CallApplicationsPage />} />
          <Route
            path="grants/:grantCallId/applications/:applicationId"
            element={<StaffApplicationPage />}
          />
          <Route
            path="grants/:grantCallId/projects/:applicationId"
            element={<ProjectConsolePage />}
          />
          <Route path="calls" element={<CallsPage />} />
          {user.roles.includes('library') && (
            <Route path="calls/:callId/apply" element={<ApplyPage />} />
          )}
          {user.roles.includes('library') && (
            <Route path="organisation" element={<OwnOrganisationPage />} />
          )}
          <Route path="notifications" element={<ConsoleNotificationsPage />} />
          {user.roles.includes('admin') && (
            <>
              <Route path="calls/new" element={<CallEditPage />} />
              <Route path="calls/:callId" element={<CallAdminPage />} />
              <Route path="calls/:callId/edit" element={<CallEditPage />} />
              <Route
                path="calls/:callId/applications/:applicationId"
                element={<ApplicationAdminPage />}
              />
              <Route path="organisations" element={<OrganisationsPage />} />
              <Route path="organisations/new" element={<OrganisationPage />} />
              <Route path="organisations/:organisationId" element={<OrganisationPage />} />
              <Route path="ngo/advisers/setup" element={<AdvisersAdminPage />} />
            </>
          )}
          {isStaff(user.roles) && (
            <>
              <Route path="reviews" element={<ReviewsPage />} />
              <Route path="reviews/:applicationId" element={<ReviewPage />} />
            </>
          )}
        </Routes>
      </div>
    </UrqlProvider>
  );
}
