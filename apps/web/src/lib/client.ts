import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { offlineExchange } from '@urql/exchange-graphcache';
import { makeDefaultStorage } from '@urql/exchange-graphcache/default-storage';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { apiFetch } from './api-fetch';
import { session } from './session';
import type { Language } from './language';

/** Types without an id of their own: embedded in their parent in the cache. */
const EMBEDDED = [
  'GrantBudgetLine',
  'GrantActivity',
  'GrantBudgetTotals',
  'GrantDecision',
  'GrantThematicArea',
  'GrantFaqEntry',
  'GrantResults',
  'FundedGrantProject',
  'GrantStaffAssignment',
  'GrantTranche',
  'GrantReport',
  'GrantSettlement',
  'GrantChange',
  'LocalizedText',
  'ResolvedText',
  'PageInfo',
  'CourseConnection',
  'FaqEntryConnection',
  'EventConnection',
  'QuestionConnection',
  'AskerQuestionConnection',
  'QuizSettingsModel',
  'LegalSource',
  'LessonBlock',
  'Place',
  'Address',
  'AskerMessage',
  'QuizOptionModel',
  'QuizAnswerReview',
  'ConsentText',
  'CertificateVerification',
  'FaqSuggestion',
  'AuthPayload',
  'AskQuestionPayload',
  'RegistrationPayload',
  'EnrolmentModel',
  'QuizResult',
  'AskerQuestionEvent',
  'ModuleProgress',
  'NgoProfileConnection',
  'NgoMember',
  'ConsultationSlot',
  'RoomBooking',
  'ResourceRequestConnection',
  'OpeningHours',
  'WeekdayHours',
  'OpenInterval',
  'PublicContact',
  'VolunteerOfferConnection',
  'PublicationConnection',
  'PublicationVersion',
];

let ws: WsClient | null = null;

/**
 * One client per language: the API answers in the request's language, and a normalised cache
 * would otherwise mix a Ukrainian course title into a Polish screen. Each language keeps its own
 * offline copy in IndexedDB (Graphcache's offline exchange): what a reader opened stays readable
 * without a network.
 */
export function createClient(language: Language): Client {
  ws?.dispose();
  ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) =>
      new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** retries, 8000))),
    // A thread refetches on (re)connection: events sent while the socket was down are not replayed.
    on: { connected: () => window.dispatchEvent(new Event('sasiad:live')) },
    connectionParams: async () => {
      const token = await session.accessToken();
      return { lang: language, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    },
  });
  const wsClient = ws;
  const storage = makeDefaultStorage({ idbName: `sasiad-cache-${language}`, maxAge: 30 });
  return new Client({
    url: '/graphql',
    fetch: apiFetch(session, () => language),
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    exchanges: [
      offlineExchange({
        storage,
        keys: {
          ...Object.fromEntries(EMBEDDED.map((t) => [t, () => null])),
          // progress is per course: a completed lesson updates the course page's copy
          CourseProgress: (data) => String(data.courseId),
          // the NGO centre's profile is keyed by its organisation
          NgoProfile: (data) => String(data.organisationId),
          // a funded project is one per application: mutations update the page's copy
          GrantProject: (data) => String(data.applicationId),
        },
      }),
      liveExchange(wsClient),
      fetchExchange,
    ],
  });
}

/** Subscriptions over the app's one socket (also used by the staff console's own client). */
export function liveExchange(socket: WsClient | null) {
  return subscriptionExchange({
    forwardSubscription: (request) => ({
      subscribe: (sink) => ({
        unsubscribe: (socket ?? ws)!.subscribe({ ...request, query: request.query ?? '' }, sink),
      }),
    }),
  });
}

/** After signing in or out, the socket must reconnect with the new identity. */
export function restartSubscriptions(): void {
  ws?.terminate();
}
