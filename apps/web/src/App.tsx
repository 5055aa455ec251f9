import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { useTranslation } from 'react-i18next';
import { AppContext, type AppState, type SignedInUser } from './app-context';
import { Me, UpdateMyProfile } from './graphql/account';
import { AskQuestion, FollowUp } from './graphql/info-point';
import { loadLanguage } from './i18n';
import { createClient, restartSubscriptions } from './lib/client';
import { rememberLanguage, type Language } from './lib/language';
import { Outbox, type OutboxItem, type SendResult } from './lib/outbox';
import { session } from './lib/session';
import { Layout } from './components/Layout';
import { LanguageChooser } from './screens/LanguageChooser';
import { Home } from './screens/Home';

const screen = <T,>(load: () => Promise<T>, name: keyof T) =>
  lazy(async () => ({ default: (await load())[name] as React.ComponentType }));

// Every screen but home is its own chunk; staff code lives under /staff likewise.
const Catalogue = screen(() => import('./screens/academy/Catalogue'), 'Catalogue');
const CoursePage = screen(() => import('./screens/academy/CoursePage'), 'CoursePage');
const LessonPage = screen(() => import('./screens/academy/LessonPage'), 'LessonPage');
const QuizPage = screen(() => import('./screens/academy/QuizPage'), 'QuizPage');
const CertificatePage = screen(
  () => import('./screens/academy/CertificatePage'),
  'CertificatePage',
);
const VerifyPage = screen(() => import('./screens/academy/VerifyPage'), 'VerifyPage');
const AskPage = screen(() => import('./screens/ask/AskPage'), 'AskPage');
const ThreadPage = screen(() => import('./screens/ask/ThreadPage'), 'ThreadPage');
const OpenByCode = screen(() => import('./screens/ask/OpenByCode'), 'OpenByCode');
const EventsPage = screen(() => import('./screens/events/EventsPage'), 'EventsPage');
const EventPage = screen(() => import('./screens/events/EventPage'), 'EventPage');
const RegistrationPage = screen(
  () => import('./screens/events/RegistrationPage'),
  'RegistrationPage',
);
const ForumsPage = screen(() => import('./screens/forums/ForumsPage'), 'ForumsPage');
const ForumPage = screen(() => import('./screens/forums/ForumPage'), 'ForumPage');
const IdeaPage = screen(() => import('./screens/forums/IdeaPage'), 'IdeaPage');
const PostIdeaPage = screen(() => import('./screens/forums/PostIdeaPage'), 'PostIdeaPage');
const FacilitatePage = screen(() => import('./screens/forums/FacilitatePage'), 'FacilitatePage');
const ModeratePage = screen(() => import('./screens/forums/ModeratePage'), 'ModeratePage');
const AccountPage = screen(() => import('./screens/account/AccountPage'), 'AccountPage');
// Desk-assisted mode (issue 12): the person sets their password with the code from the desk.
const SetPasswordWithCode = screen(
  () => import('./screens/account/SetPasswordWithCode'),
  'SetPasswordWithCode',
);
const NotificationsPage = screen(
  () => import('./screens/notifications/NotificationsPage'),
  'NotificationsPage',
);
// The NGO support centre (issue 17): directory, registration, consultations and rooms.
const NgoDirectoryPage = screen(() => import('./screens/ngo/DirectoryPage'), 'DirectoryPage');
const NgoRegisterPage = screen(() => import('./screens/ngo/RegisterPage'), 'RegisterPage');
const NgoOrganisationPage = screen(
  () => import('./screens/ngo/OrganisationPage'),
  'OrganisationPage',
);
const NgoManagePage = screen(() => import('./screens/ngo/ManagePage'), 'ManagePage');
const NgoVolunteeringPage = screen(
  () => import('./screens/ngo/VolunteeringPage'),
  'VolunteeringPage',
);
const NgoFundingPage = screen(() => import('./screens/ngo/FundingPage'), 'FundingPage');
const NgoTrainingsPage = screen(() => import('./screens/ngo/TrainingsPage'), 'TrainingsPage');
const NgoLibraryPage = screen(() => import('./screens/ngo/LibraryPage'), 'LibraryPage');
const NgoNotificationsPage = screen(
  () => import('./screens/ngo/NgoNotificationsPage'),
  'NgoNotificationsPage',
);
const NgoOfferPage = screen(() => import('./screens/ngo/OfferPage'), 'OfferPage');
const NgoEditProfilePage = screen(() => import('./screens/ngo/EditProfilePage'), 'EditProfilePage');
// Micro-grants (issue 15): calls, applying, the applicant's application, public results.
const GrantsPage = screen(() => import('./screens/grants/GrantsPage'), 'GrantsPage');
const GrantCallPage = screen(() => import('./screens/grants/CallPage'), 'CallPage');
const GrantApplyPage = screen(() => import('./screens/grants/ApplyPage'), 'ApplyPage');
const GrantApplicationPage = screen(
  () => import('./screens/grants/ApplicationPage'),
  'ApplicationPage',
);
const GrantResultsPage = screen(() => import('./screens/grants/ResultsPage'), 'ResultsPage');
const NotFound = screen(() => import('./screens/NotFound'), 'NotFound');
// The info-point staff console (issue 12): its own chunk, never loaded by learners.
const StaffConsole = screen(() => import('./screens/staff/StaffConsole'), 'StaffConsole');

const outbox = new Outbox(indexedDB);

export function App({
  initialLanguage,
  askLanguage,
}: {
  initialLanguage: Language;
  askLanguage: boolean;
}) {
  const { t } = useTranslation();
  const [language, setLang] = useState(initialLanguage);
  const [chosen, setChosen] = useState(!askLanguage);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [online, setOnline] = useState(navigator.onLine);
  const [pending, setPending] = useState<OutboxItem[]>([]);
  const [sentQuestion, setSentQuestion] = useState<AppState['sentQuestion']>(null);
  const client = useMemo(() => createClient(language), [language]);
  const accessCodes = useRef(new Map<string, string>()).current;

  const setLanguage = useCallback(async (lang: Language) => {
    await loadLanguage(lang);
    rememberLanguage(lang);
    setLang(lang);
    setChosen(true);
    if (session.signedIn) {
      await createClient(lang)
        .mutation(UpdateMyProfile, { input: { preferredLanguage: lang } })
        .toPromise();
    }
  }, []);

  // A session survives a reload through the refresh cookie.
  useEffect(() => {
    let stop = false;
    void (async () => {
      if (!(await session.accessToken()) || stop) return;
      const me = await client.query(Me, {}, { requestPolicy: 'network-only' }).toPromise();
      if (me.data && !stop) setUser(me.data.me);
    })();
    const off = session.onChange((state) => {
      restartSubscriptions();
      if (state === 'signedOut') setUser(null);
    });
    return () => {
      stop = true;
      off();
    };
  }, []);

  const send = useCallback(
    async (item: OutboxItem): Promise<SendResult> => {
      const res =
        item.kind === 'ask'
          ? await client
              .mutation(AskQuestion, item.variables as never, { requestPolicy: 'network-only' })
              .toPromise()
          : await client.mutation(FollowUp, item.variables as never).toPromise();
      if (res.error?.networkError || (!res.data && !res.error?.graphQLErrors.length))
        return { ok: false, offline: true };
      if (res.error)
        return {
          ok: false,
          offline: false,
          code: String(res.error.graphQLErrors[0].extensions?.code ?? 'INTERNAL'),
        };
      return { ok: true, result: res.data };
    },
    [client],
  );

  const flushOutbox = useCallback(
    () =>
      outbox.flush(send, (item, result) => {
        if (item.kind === 'ask') {
          const payload = (
            result as { askQuestion: { accessCode: string | null; question: { id: string } } }
          ).askQuestion;
          if (payload.accessCode) accessCodes.set(payload.question.id, payload.accessCode);
          setSentQuestion({ id: payload.question.id, code: payload.accessCode });
        }
      }),
    [send, accessCodes],
  );

  useEffect(() => {
    const refresh = () => void outbox.list().then(setPending);
    const offChange = outbox.onChange(refresh);
    refresh();
    const up = () => {
      setOnline(true);
      void flushOutbox();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    if (navigator.onLine) void flushOutbox();
    return () => {
      offChange();
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [flushOutbox]);

  const state: AppState = {
    language,
    setLanguage,
    user,
    setUser,
    online,
    outbox,
    pending,
    flushOutbox,
    client,
    accessCodes,
    sentQuestion,
    clearSentQuestion: () => setSentQuestion(null),
  };

  return (
    <AppContext.Provider value={state}>
      <UrqlProvider value={client}>
        {!chosen ? (
          <LanguageChooser suggested={language} onChoose={setLanguage} />
        ) : (
          <BrowserRouter>
            <Layout>
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <Routes>
                  <Route path="/" element={<Home />} />
                  <Route path="/academy" element={<Catalogue />} />
                  <Route path="/academy/:courseId" element={<CoursePage />} />
                  <Route path="/academy/:courseId/lessons/:lessonId" element={<LessonPage />} />
                  <Route path="/academy/:courseId/quiz/:moduleId" element={<QuizPage />} />
                  <Route path="/academy/:courseId/certificate" element={<CertificatePage />} />
                  <Route path="/verify/:code" element={<VerifyPage />} />
                  <Route path="/ask" element={<AskPage />} />
                  <Route path="/ask/open" element={<OpenByCode />} />
                  <Route path="/ask/:questionId" element={<ThreadPage />} />
                  <Route path="/events" element={<EventsPage />} />
                  <Route path="/events/registration" element={<RegistrationPage />} />
                  <Route path="/events/:eventId" element={<EventPage />} />
                  <Route path="/forums" element={<ForumsPage />} />
                  <Route path="/forums/:forumId" element={<ForumPage />} />
                  <Route path="/forums/:forumId/ideas/new" element={<PostIdeaPage />} />
                  <Route path="/forums/:forumId/ideas/:ideaId" element={<IdeaPage />} />
                  <Route path="/forums/:forumId/facilitate" element={<FacilitatePage />} />
                  <Route path="/forums/:forumId/moderate" element={<ModeratePage />} />
                  <Route path="/account" element={<AccountPage />} />
                  <Route path="/account/code" element={<SetPasswordWithCode />} />
                  <Route path="/notifications" element={<NotificationsPage />} />
                  <Route path="/ngo" element={<NgoDirectoryPage />} />
                  <Route path="/ngo/register" element={<NgoRegisterPage />} />
                  <Route path="/ngo/volunteering" element={<NgoVolunteeringPage />} />
                  <Route path="/ngo/funding" element={<NgoFundingPage />} />
                  <Route path="/ngo/trainings" element={<NgoTrainingsPage />} />
                  <Route path="/ngo/library" element={<NgoLibraryPage />} />
                  <Route path="/ngo/notifications" element={<NgoNotificationsPage />} />
                  <Route path="/ngo/volunteering/:offerId" element={<NgoOfferPage />} />
                  <Route path="/ngo/:organisationId" element={<NgoOrganisationPage />} />
                  <Route path="/ngo/:organisationId/manage" element={<NgoManagePage />} />
                  <Route path="/ngo/:organisationId/edit" element={<NgoEditProfilePage />} />
                  <Route path="/grants" element={<GrantsPage />} />
                  <Route path="/grants/calls/:grantCallId" element={<GrantCallPage />} />
                  <Route path="/grants/calls/:grantCallId/apply" element={<GrantApplyPage />} />
                  <Route
                    path="/grants/applications/:applicationId"
                    element={<GrantApplicationPage />}
                  />
                  <Route path="/grants/results/:grantCallId" element={<GrantResultsPage />} />
                  <Route path="/staff/*" element={<StaffConsole />} />
                  <Route path="*" element={<NotFound />} />
                </Routes>
              </Suspense>
            </Layout>
          </BrowserRouter>
        )}
      </UrqlProvider>
    </AppContext.Provider>
  );
}
