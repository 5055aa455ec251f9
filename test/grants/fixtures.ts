/** Grants fixtures: an operator, a micro-grant call on the zones engine, applicants, applications. */
import { randomBytes } from 'node:crypto';
import { Language, Role } from '@sasiad/core';
import { AuthService, UsersService } from '@sasiad/identity';
import { ok } from '../support/graphql';
import { TestApp } from '../support/test-app';
import { coordinatorIn, CREATE_ORGANISATION, createCall, isoIn, WEEK } from '../zones/fixtures';

export const PLN = 100;
export const WINDOW = {
  startsAt: '2027-07-01T00:00:00+02:00',
  endsAt: '2027-12-15T00:00:00+01:00',
};

export const CONFIGURE = `mutation($i: ConfigureGrantCallInput!) { configureGrantCall(input: $i) { id poolGrosze committedGrosze availableGrosze rules { text language } faq { question { text language } answer { text } } thematicAreas { key label { text language } } } }`;
export const ASSIGN_STAFF = `mutation($i: AssignGrantStaffInput!) { assignGrantStaff(input: $i) { role } }`;
export const REGISTER_GROUP = `mutation($i: RegisterInformalGroupInput!) { registerInformalGroup(input: $i) { id organisationId memberCount } }`;
const APP_FIELDS = `id zonesApplicationId status number checksum requestedGrosze organisationId applicantKind correctionProblems correctionDueAt rejectionReason projectStatus totals { requestedGrosze costGrosze volunteerGrosze } decision { outcome grantedGrosze reservePosition }`;
export const CREATE_APP = `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${APP_FIELDS} } }`;
export const UPDATE_APP = `mutation($i: UpdateGrantApplicationInput!) { updateGrantApplication(input: $i) { ${APP_FIELDS} } }`;
export const SUBMIT_APP = `mutation($id: ID!) { submitGrantApplication(input: { applicationId: $id }) { ${APP_FIELDS} } }`;
export const FORMAL = `mutation($i: RecordFormalCheckInput!) { recordFormalCheck(input: $i) { ${APP_FIELDS} } }`;
export const DECIDE = `mutation($i: DecideGrantInput!) { decideGrant(input: $i) { ${APP_FIELDS} } }`;
export const PUBLISH = `mutation($g: ID!) { publishGrantDecisions(input: { grantCallId: $g }) { publishedAt committedGrosze } }`;
export const WITHDRAW = `mutation($id: ID!) { withdrawGrantProject(input: { applicationId: $id }) { ${APP_FIELDS} } }`;
export const FUND_RESERVE = `mutation($i: FundReserveProjectInput!) { fundReserveProject(input: $i) { ${APP_FIELDS} } }`;
export const GET_APP = `query($id: ID!) { grantApplication(id: $id) { ${APP_FIELDS} } }`;
export const GRANT_CALL = `query($id: ID!) { grantCall(id: $id) { committedGrosze availableGrosze publishedAt } }`;

export type App = {
  id: string;
  zonesApplicationId: string;
  status: string;
  number: string | null;
  checksum: string | null;
  requestedGrosze: number;
  organisationId: string;
  correctionDueAt: string | null;
  rejectionReason: string | null;
  projectStatus: string | null;
  totals: { requestedGrosze: number; costGrosze: number; volunteerGrosze: number };
  decision: { outcome: string; grantedGrosze: number; reservePosition: number | null } | null;
};

const four = (pl: string, uk: string, be: string, ru: string) => [
  { lang: 'pl', text: pl },
  { lang: 'uk', text: uk },
  { lang: 'be', text: be },
  { lang: 'ru', text: ru },
];

export async function organisation(t: TestApp, admin: string, name: string, kind = 'ngo') {
  return ok(
    await t.gql<{ createOrganisation: { id: string } }>(
      CREATE_ORGANISATION,
      {
        i: {
          name,
          kind,
          address: { street: 'ul. Lipowa 10', postalCode: '15-424', city: 'Białystok' },
          openingHours: { weekly: WEEK, exceptions: [] },
        },
      },
      { token: admin },
    ),
  ).createOrganisation.id;
}

/** A signed-in resident (learner) reading in a language: the contact person of a group. */
export async function resident(t: TestApp, lang: Language) {
  const user = await t.app.get(UsersService).create({
    login: `resident-${randomBytes(4).toString('hex')}@example.org`,
    loginKind: 'email',
    password: 'correct-horse-battery-7',
    roles: [Role.learner],
    preferredLanguage: lang,
  });
  return { id: user.id, token: (await t.app.get(AuthService).startSession(user)).accessToken };
}

/** The operator (an NGO), its staff member, and a micro-grant call of 75,000 PLN, up to 5,000 each. */
export async function microGrantProgramme(
  t: TestApp,
  admin: string,
  overrides: Record<string, unknown> = {},
) {
  const operatorId = await organisation(
    t,
    admin,
    `Fundacja Dialog ${randomBytes(2).toString('hex')}`,
  );
  const staff = await coordinatorIn(t, operatorId, 'pl');
  ok(
    await t.gql(
      ASSIGN_STAFF,
      { i: { operatorOrganisationId: operatorId, userId: staff.id, role: 'OPERATOR_STAFF' } },
      { token: admin },
    ),
  );
  const callId = await createCall(t, admin, {
    programme: 'micro_grants',
    title: four(
      'Wspólnie w Białymstoku',
      'Разом у Білостоку',
      'Разам у Беластоку',
      'Вместе в Белостоке',
    ),
    eligibleKinds: ['ngo', 'informal_group'],
    places: 15,
    opensAt: isoIn(-60_000),
    closesAt: isoIn(3_600_000),
    form: [
      {
        key: 'note',
        type: 'long_text',
        required: false,
        maxLength: 500,
        label: [{ lang: 'pl', text: 'Uwagi' }],
      },
    ],
    criteria: [{ key: 'impact', maxPoints: 10, label: [{ lang: 'pl', text: 'Integracja' }] }],
  });
  const grantCall = ok(
    await t.gql<{ configureGrantCall: { id: string } }>(
      CONFIGURE,
      {
        i: {
          callId,
          operatorOrganisationId: operatorId,
          poolGrosze: 75_000 * PLN,
          maxGrantGrosze: 5_000 * PLN,
          intendedProjects: 15,
          thematicAreas: [
            { key: 'culture', label: four('Kultura', 'Культура', 'Культура', 'Культура') },
            { key: 'sport', label: four('Sport', 'Спорт', 'Спорт', 'Спорт') },
            {
              key: 'social',
              label: four(
                'Sprawy społeczne',
                'Соціальні справи',
                'Сацыяльныя справы',
                'Социальные вопросы',
              ),
            },
            { key: 'ecology', label: four('Ekologia', 'Екологія', 'Экалогія', 'Экология') },
          ],
          eligibleApplicants: ['ORGANISATION', 'INFORMAL_GROUP'],
          realisationStartsAt: WINDOW.startsAt,
          realisationEndsAt: WINDOW.endsAt,
          rules: four(
            'Udział jest bezpłatny; mieszkańcy i uchodźcy działają razem.',
            'Участь безкоштовна; мешканці та біженці діють разом.',
            'Удзел бясплатны; жыхары і ўцекачы дзейнічаюць разам.',
            'Участие бесплатное; жители и беженцы действуют вместе.',
          ),
          faq: [
            {
              question: four(
                'Czy grupa nieformalna może złożyć wniosek?',
                'Чи може неформальна група подати заявку?',
                'Ці можа нефармальная група падаць заяўку?',
                'Может ли неформальная группа подать заявку?',
              ),
              answer: four(
                'Tak, jeśli ma co najmniej 3 pełnoletnie osoby.',
                'Так, якщо в ній щонайменше 3 повнолітні особи.',
                'Так, калі ў ёй мінімум 3 паўналетнія асобы.',
                'Да, если в ней не менее 3 совершеннолетних.',
              ),
            },
          ],
          correctionDays: 7,
          ...overrides,
        },
      },
      { token: admin },
    ),
  ).configureGrantCall;
  return { operatorId, staff, callId, grantCallId: grantCall.id };
}

/** Application content asking for `grantGrosze`, covered also by own money and volunteer work. */
export function content(grantGrosze: number, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Festyn sąsiedzki na Leśnej',
    summary: 'Festyn integracyjny, występy i poczęstunek ukraińskimi daniami.',
    thematicArea: 'culture',
    requestedGrosze: grantGrosze,
    budget: [
      {
        category: 'materiały i poczęstunek',
        unit: 'kpl.',
        quantity: 1,
        unitCostGrosze: grantGrosze + 30_000,
        grantGrosze,
        ownMoneyGrosze: 10_000,
        inKindGrosze: 0,
        volunteerHours: 10,
        volunteerRateGrosze: 2_000,
      },
    ],
    schedule: [
      {
        name: 'Festyn',
        startsAt: '2027-08-21T12:00:00+02:00',
        endsAt: '2027-08-21T18:00:00+02:00',
      },
    ],
    residents: 30,
    refugees: 20,
    ...overrides,
  };
}

export function groupInput(name: string, members = 3) {
  return {
    name,
    members: ['Anna Kowalska', 'Olena Shevchenko', 'Aliaksandr Kavalenka', 'Iryna Bondar']
      .slice(0, members)
      .map((fullName, i) => ({ fullName, birthDate: `19${80 + i}-03-1${i}` })),
    contactMember: 1,
    place: { street: 'Park przy ul. Leśnej', postalCode: '15-001', city: 'Białystok' },
  };
}
