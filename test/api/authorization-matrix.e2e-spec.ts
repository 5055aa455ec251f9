import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  IntrospectionQuery,
} from 'graphql';
import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', Role.learner, Role.staff, Role.library, Role.admin];
const SIGNED_IN: Caller[] = [Role.learner, Role.staff, Role.library, Role.admin];
const STAFF: Caller[] = [Role.staff, Role.admin];
const AUTHORS: Caller[] = [Role.staff, Role.admin];
// events: staff and admins run all, a coordinator their organisation's own (test/zones/event-coordinators)
const EVENT_RUNNERS: Caller[] = [Role.staff, Role.admin, Role.library];

/**
 * Who may call each mutation. A mutation missing here fails the test, so every new mutation
 * gets a decision and a check for every role.
 */
const ACCESS: Record<string, Caller[]> = {
  signUp: CALLERS,
  signIn: CALLERS,
  refreshSession: CALLERS,
  signOut: CALLERS,
  changePassword: SIGNED_IN,
  deleteMyAccount: SIGNED_IN,
  updateMyProfile: SIGNED_IN,
  signOutEverywhere: SIGNED_IN,
  createUser: [Role.admin],
  setUserRoles: [Role.admin],
  setUserStatus: [Role.admin],
  // a way back in after a forgotten password
  regenerateRecoveryCodes: SIGNED_IN,
  resetPasswordWithRecoveryCode: CALLERS,
  issuePasswordResetCode: STAFF,
  requestPasswordReset: CALLERS,
  resetPasswordWithEmailToken: CALLERS,
  // desk-assisted mode: staff acting for a person at the info point's desk
  askQuestionForPerson: STAFF,
  createAccountForPerson: STAFF,
  // info point: askers signed in or anonymous (by access code); the queue for staff and admins
  askQuestion: CALLERS,
  followUpQuestion: CALLERS,
  reopenQuestion: CALLERS,
  markQuestionRead: CALLERS,
  eraseQuestion: CALLERS,
  claimQuestion: STAFF,
  claimNextQuestion: STAFF,
  releaseQuestion: STAFF,
  reassignQuestion: STAFF,
  addInternalNote: STAFF,
  answerQuestion: STAFF,
  askForDetails: STAFF,
  closeQuestion: STAFF,
  createCannedAnswer: STAFF,
  updateCannedAnswer: STAFF,
  deleteCannedAnswer: [Role.admin],
  createFaqEntryFromQuestion: STAFF,
  createFaqEntry: STAFF,
  updateFaqEntry: STAFF,
  changeFaqEntryState: STAFF,
  createCourse: AUTHORS,
  updateCourse: AUTHORS,
  changeCourseState: AUTHORS,
  addCourseModule: AUTHORS,
  updateCourseModule: AUTHORS,
  addLesson: AUTHORS,
  updateLesson: AUTHORS,
  markCourseReviewed: AUTHORS,
  enrolInCourse: SIGNED_IN,
  unenrolFromCourse: SIGNED_IN,
  completeLesson: SIGNED_IN,
  setModuleQuiz: AUTHORS,
  addQuizQuestion: AUTHORS,
  updateQuizQuestion: AUTHORS,
  startQuizAttempt: SIGNED_IN,
  submitQuizAttempt: SIGNED_IN,
  claimCertificate: SIGNED_IN,
  revokeCertificate: AUTHORS,
  createCohort: AUTHORS,
  addCohortSession: AUTHORS,
  joinCohort: SIGNED_IN,
  recordAttendance: AUTHORS,
  deleteCourse: AUTHORS,
  removeCourseModule: AUTHORS,
  removeLesson: AUTHORS,
  removeQuizQuestion: AUTHORS,
  changeCourseBaseLanguage: AUTHORS,
  renameCohort: AUTHORS,
  // zones
  createOrganisation: [Role.admin],
  updateOrganisation: [Role.admin, Role.library],
  createCall: [Role.admin],
  updateCall: [Role.admin],
  createApplication: [Role.library],
  updateApplication: [Role.library],
  submitApplication: [Role.library],
  withdrawApplication: [Role.library],
  createEvent: EVENT_RUNNERS,
  registerForEvent: CALLERS,
  cancelEventRegistration: SIGNED_IN,
  markNotificationRead: SIGNED_IN,
  cancelEventRegistrationByCode: CALLERS,
  checkInEventRegistration: EVENT_RUNNERS,
  updateEvent: EVENT_RUNNERS,
  cancelEvent: EVENT_RUNNERS,
  verifyEventRegistrationGroup: EVENT_RUNNERS,
  registerEventWalkIn: EVENT_RUNNERS,
  assignReviewers: [Role.admin],
  submitReview: [Role.staff, Role.admin],
  setDecision: [Role.admin],
  // grants (micro-grants): admins configure calls and assign operator staff; the rest is
  // programme-scoped (operator staff, applicants), checked in the services
  configureGrantCall: [Role.admin],
  assignGrantStaff: [Role.admin],
  removeGrantStaff: [Role.admin],
  registerInformalGroup: SIGNED_IN,
  createGrantApplication: SIGNED_IN,
  updateGrantApplication: SIGNED_IN,
  submitGrantApplication: SIGNED_IN,
  recordFormalCheck: SIGNED_IN,
  decideGrant: SIGNED_IN,
  publishGrantDecisions: SIGNED_IN,
  withdrawGrantProject: SIGNED_IN,
  fundReserveProject: SIGNED_IN,
  reviseGrantBudget: SIGNED_IN,
  confirmGrantAgreement: SIGNED_IN,
  requestGrantChange: SIGNED_IN,
  decideGrantChange: SIGNED_IN,
  addGrantTranche: SIGNED_IN,
  approveGrantTranche: SIGNED_IN,
  markGrantTranchePaid: SIGNED_IN,
  submitGrantReport: SIGNED_IN,
  reviewGrantReport: SIGNED_IN,
  publishDecisions: [Role.admin],
  setInfoPointOpeningHours: [Role.admin],
  setFirstResponseTargets: [Role.admin],
  // forums: residents join, post, support, comment, report; staff facilitate (checked per forum
  // in the service); moderators and translators are any account assigned to the forum
  joinForum: SIGNED_IN,
  leaveForum: SIGNED_IN,
  setForumMembershipVisibility: SIGNED_IN,
  setForumRole: [Role.admin],
  updateForum: [Role.admin],
  postIdea: SIGNED_IN,
  postPaperIdea: SIGNED_IN, // the forum's facilitator, checked in the service
  supportIdea: SIGNED_IN,
  withdrawIdeaSupport: SIGNED_IN,
  setIdeaState: SIGNED_IN, // the forum's facilitator, checked in the service
  commentOnPost: SIGNED_IN,
  openDebate: SIGNED_IN, // the forum's facilitator, checked in the service
  closeDebate: SIGNED_IN, // the forum's facilitator, checked in the service
  translateForumText: SIGNED_IN,
  draftRecommendation: SIGNED_IN, // the forum's facilitator, checked in the service
  adoptRecommendation: SIGNED_IN, // the forum's facilitator, checked in the service
  sendRecommendation: SIGNED_IN, // the forum's facilitator, checked in the service
  answerRecommendation: STAFF,
  addRecommendationMilestone: STAFF,
  reportPost: SIGNED_IN,
  hidePost: SIGNED_IN,
  restorePost: SIGNED_IN,
  createForumActivity: SIGNED_IN, // the forum's facilitator, checked in the service
  recordActivityMinutes: SIGNED_IN, // the forum's facilitator, checked in the service
  follow: SIGNED_IN,
  unfollow: SIGNED_IN,
  markForumNotificationRead: SIGNED_IN,
  // ngo-centre (an organisation's people are signed-in accounts, checked in the service)
  registerOrganisation: SIGNED_IN,
  updateNgoProfile: SIGNED_IN,
  verifyOrganisation: STAFF,
  refuseOrganisation: STAFF,
  inviteOrganisationMember: SIGNED_IN,
  acceptOrganisationInvitation: SIGNED_IN,
  assignAdviser: [Role.admin],
  setAdviserAvailability: STAFF,
  bookConsultation: SIGNED_IN,
  cancelConsultation: SIGNED_IN,
  setConsultationNotes: STAFF,
  recordConsultationAttendance: STAFF,
  createRoom: STAFF,
  requestResource: SIGNED_IN,
  approveResourceRequest: STAFF,
  refuseResourceRequest: STAFF,
  withdrawResourceRequest: SIGNED_IN,
  createVolunteerOffer: SIGNED_IN,
  moderateVolunteerOffer: STAFF,
  applyToVolunteerOffer: SIGNED_IN,
  acceptVolunteer: SIGNED_IN,
  moveVolunteerToReserve: SIGNED_IN,
  inviteVolunteer: SIGNED_IN,
  acceptVolunteerInvitation: SIGNED_IN,
  withdrawVolunteerApplication: SIGNED_IN,
  createFundingCall: STAFF,
  followFundingTopics: SIGNED_IN,
  markNgoNotificationRead: SIGNED_IN,
  createPublication: STAFF,
  addPublicationVersion: STAFF,
  createTraining: STAFF,
  // core file store: who may add a file to an owner is the owner kind's canWrite
  requestFileUpload: SIGNED_IN,
  removeFile: SIGNED_IN,
};

const SCALARS: Record<string, unknown> = {
  String: 'x',
  ID: '65a000000000000000000001',
  Int: 1,
  Float: 1,
  Boolean: true,
  Language: 'pl',
  DateTime: '2026-01-01T00:00:00.000Z',
};

/** A well-typed placeholder value, so the request reaches the guard (not GraphQL validation). */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    if (!(type.name in SCALARS)) throw new Error(`add a placeholder for scalar ${type.name}`);
    return SCALARS[type.name];
  }
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

function operationFor(
  schema: GraphQLSchema,
  name: string,
): { query: string; variables: Record<string, unknown> } {
  const field = schema.getMutationType()!.getFields()[name];
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = 'getFields' in named ? ' { __typename }' : '';
  const variables = Object.fromEntries(
    field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, placeholder(a.type)]),
  );
  return {
    query: `mutation${defs ? `(${defs})` : ''} { ${name}${args ? `(${args})` : ''}${selection} }`,
    variables,
  };
}

describe('authorization matrix: every mutation for every role', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.gql<IntrospectionQuery>(getIntrospectionQuery());
    schema = buildClientSchema(res.body.data!);
  });
  afterAll(() => t.close());

  it('has a decision for every mutation in the schema, and none for a mutation that is gone', () => {
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      Object.keys(ACCESS).sort(),
    );
  });

  const cases = Object.entries(ACCESS).flatMap(([mutation, allowed]) =>
    CALLERS.map((caller) => ({ mutation, caller, allowed: allowed.includes(caller) })),
  );

  it.each(cases)(
    '$mutation as $caller: allowed=$allowed',
    async ({ mutation, caller, allowed }) => {
      // A fresh user per call: some mutations end sessions or change the caller.
      const token = caller === 'anonymous' ? undefined : (await t.userWith([caller])).token;
      const { query, variables } = operationFor(schema, mutation);
      const res = await t.gql(query, variables, { token });
      const code = codeOf(res);
      expect(code ?? 'none').not.toMatch(/^GRAPHQL_/); // the placeholder request itself must be valid
      if (allowed) {
        expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
      } else {
        expect(code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(res.body.data).toBeNull();
      }
    },
  );

  it('refuses a resolver that has no access rule (deny by default)', async () => {
    const { AccessGuard } = await import('@sasiad/core/auth/access.guard');
    const { Reflector } = await import('@nestjs/core');
    const guard = new AccessGuard(new Reflector());
    class Undecided {
      mutate() {
        return true;
      }
    }
    const context = {
      getHandler: () => Undecided.prototype.mutate,
      getClass: () => Undecided,
      getType: () => 'graphql',
    } as never;
    expect(() => guard.canActivate(context)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

/**
 * A signed-in person's own things: queries (the mutations above have their own table). Anyone
 * signed in reads only their own; nobody anonymous reads any. The certificate PDF is public by
 * its verification code (like `verifyCertificate`): without a valid code there is nothing.
 */
const MY_THINGS: Record<string, string> = {
  myEnrolments: '{ myEnrolments { totalCount } }',
  myCertificates: '{ myCertificates { totalCount } }',
  myForumNotifications: '{ myForumNotifications { totalCount } }',
};

describe('authorization matrix: my things', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const cases = Object.keys(MY_THINGS).flatMap((query) =>
    CALLERS.map((caller) => ({ query, caller, allowed: SIGNED_IN.includes(caller) })),
  );

  it.each(cases)('$query as $caller: allowed=$allowed', async ({ query, caller, allowed }) => {
    const token = caller === 'anonymous' ? undefined : (await t.userWith([caller])).token;
    const res = await t.gql<Record<string, { totalCount: number }>>(
      MY_THINGS[query],
      {},
      { token },
    );
    if (allowed) {
      expect(codeOf(res)).toBeUndefined();
      expect(res.body.data![query].totalCount).toBe(0); // a new account has nothing of its own
    } else {
      expect(codeOf(res)).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeNull();
    }
  });

  it('serves no certificate PDF without a valid verification code, to anyone', async () => {
    for (const query of ['', '?code=AAAAAAAAAAAAAAAAAAAAAA'])
      expect((await fetch(`${t.url}/certificates/certificate.pdf${query}`)).status).toBe(404);
  });
});
