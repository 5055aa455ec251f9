import { Role } from '@sasiad/core';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { belarusianGroup, DIRECTORY, REGISTER, VERIFY, verifiedOrganisation } from './fixtures';

describe('ngo-centre: directory', () => {
  let t: TestApp;
  let staff: { token: string };

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
  });
  afterAll(() => t.close());

  const counts = async () => ({
    profiles: await t.db.collection('ngo_profiles').countDocuments(),
    organisations: await t.db.collection('organisations').countDocuments(),
  });

  it('an initiative group without KRS registers, staff verify it, and a Latin-letter search finds it', async () => {
    const founder = await t.userWith([Role.learner]);
    const registered = ok(
      await t.gql<{
        registerOrganisation: {
          organisationId: string;
          verification: string;
          krs: string | null;
          organisation: { kind: string; name: string };
          description: { text: string; language: string };
        };
      }>(REGISTER, { i: belarusianGroup() }, { token: founder.token, lang: 'be' }),
    ).registerOrganisation;
    expect(registered).toMatchObject({
      verification: 'PENDING',
      krs: null,
      organisation: { kind: 'informal_group', name: 'Беларускі дом у Лодзі' },
      description: { language: 'be' },
    });
    const id = registered.organisationId;

    // not public before verification; the founder and staff see it
    const anonymous = await t.gql(
      `query($id: ID!) { ngoProfile(organisationId: $id) { verification } }`,
      { id },
    );
    expect(codeOf(anonymous)).toBe('NOT_FOUND');
    const own = await t.gql<{ ngoProfile: { verification: string } }>(
      `query($id: ID!) { ngoProfile(organisationId: $id) { verification } }`,
      { id },
      { token: founder.token },
    );
    expect(own.body.data?.ngoProfile.verification).toBe('PENDING');
    expect(
      ok(await t.gql<{ ngoDirectory: { totalCount: number } }>(DIRECTORY, { s: 'belaruski' }))
        .ngoDirectory.totalCount,
    ).toBe(0);

    // a learner cannot verify; staff can, once
    const byLearner = await t.gql(VERIFY, { id }, { token: founder.token });
    expect(codeOf(byLearner)).toBe('FORBIDDEN');
    const verified = ok(
      await t.gql<{ verifyOrganisation: { verification: string } }>(
        VERIFY,
        { id },
        { token: staff.token },
      ),
    );
    expect(verified.verifyOrganisation.verification).toBe('VERIFIED');
    expect(codeOf(await t.gql(VERIFY, { id }, { token: staff.token }))).toBe('ILLEGAL_TRANSITION');

    // Latin letters (as typed on a Polish keyboard) find the Cyrillic name, in every reader language
    for (const lang of ['pl', 'uk', 'be', 'ru']) {
      const found = ok(
        await t.gql<{ ngoDirectory: { totalCount: number; nodes: { organisationId: string }[] } }>(
          DIRECTORY,
          { s: 'Belaruski dom Łodzi' },
          { lang },
        ),
      ).ngoDirectory;
      expect(found.nodes.map((n) => n.organisationId)).toEqual([id]);
    }
    // Belarusian Łacinka, with its marks
    const lacinka = ok(
      await t.gql<{ ngoDirectory: { nodes: { organisationId: string }[] } }>(DIRECTORY, {
        s: 'Biełaruski dom u Łodzi',
      }),
    );
    expect(lacinka.ngoDirectory.nodes.map((n) => n.organisationId)).toEqual([id]);
    const cyrillic = ok(
      await t.gql<{ ngoDirectory: { totalCount: number } }>(
        DIRECTORY,
        { s: 'беларускі' },
        { lang: 'be' },
      ),
    );
    expect(cyrillic.ngoDirectory.totalCount).toBe(1);
    const byField = ok(
      await t.gql<{ ngoDirectory: { totalCount: number } }>(
        DIRECTORY,
        { s: 'kultura', sp: 'be' },
        { lang: 'uk' },
      ),
    );
    expect(byField.ngoDirectory.totalCount).toBe(1);
    const other = ok(
      await t.gql<{ ngoDirectory: { totalCount: number } }>(DIRECTORY, { s: 'ukrainskyi' }),
    );
    expect(other.ngoDirectory.totalCount).toBe(0);
    const notFoundation = ok(
      await t.gql<{ ngoDirectory: { totalCount: number } }>(DIRECTORY, {
        s: 'belaruski',
        f: 'FOUNDATION',
      }),
    );
    expect(notFoundation.ngoDirectory.totalCount).toBe(0);
  });

  it('staff refuse a registration with a reason the organisation reads', async () => {
    const founder = await t.userWith([Role.learner]);
    const { organisationId } = ok(
      await t.gql<{ registerOrganisation: { organisationId: string } }>(
        REGISTER,
        { i: belarusianGroup({ name: 'Grupa testowa', baseLanguage: 'pl', description: null }) },
        { token: founder.token },
      ),
    ).registerOrganisation;
    const refused = ok(
      await t.gql<{ refuseOrganisation: { verification: string; refusalReason: string } }>(
        `mutation($i: RefuseOrganisationInput!) { refuseOrganisation(input: $i) { verification refusalReason } }`,
        { i: { organisationId, reason: 'Brak opisu działań grupy.' } },
        { token: staff.token },
      ),
    ).refuseOrganisation;
    expect(refused).toEqual({
      verification: 'REFUSED',
      refusalReason: 'Brak opisu działań grupy.',
    });
    const seen = ok(
      await t.gql<{ ngoProfile: { refusalReason: string } }>(
        `query($id: ID!) { ngoProfile(organisationId: $id) { refusalReason } }`,
        { id: organisationId },
        { token: founder.token },
      ),
    );
    expect(seen.ngoProfile.refusalReason).toBe('Brak opisu działań grupy.');
  });

  it.each([
    ['nip', { legalForm: 'FOUNDATION', krs: '0000123456', nip: '123-456-32-19' }, 'NIP'],
    ['regon', { legalForm: 'FOUNDATION', krs: '0000123456', regon: '123456786' }, 'REGON'],
    ['regon', { legalForm: 'ASSOCIATION', krs: '0000123456', regon: '12345678500011' }, 'REGON'],
    ['krs', { legalForm: 'ASSOCIATION', krs: '000012345' }, 'KRS'],
  ])(
    'refuses a wrong %s (check digit or length) with INVALID_REGISTRY_NUMBER and writes nothing',
    async (field, numbers, name) => {
      const founder = await t.userWith([Role.learner]);
      const before = await counts();
      const res = await t.gql(
        REGISTER,
        { i: belarusianGroup(numbers) },
        { token: founder.token, lang: 'uk' },
      );
      expect(codeOf(res)).toBe('INVALID_REGISTRY_NUMBER');
      expect(res.body.errors![0].extensions.fields).toEqual([{ field, constraint: 'checkDigit' }]);
      expect(res.body.errors![0].message).toContain(name);
      expect(await counts()).toEqual(before);
    },
  );

  it('accepts valid numbers (spaces and dashes dropped) and asks a foundation for its KRS', async () => {
    const founder = await t.userWith([Role.learner]);
    const before = await counts();
    const missingKrs = await t.gql(
      REGISTER,
      { i: belarusianGroup({ legalForm: 'FOUNDATION' }) },
      { token: founder.token },
    );
    expect(codeOf(missingKrs)).toBe('BAD_USER_INPUT');
    expect(missingKrs.body.errors![0].extensions.fields).toEqual([
      { field: 'krs', constraint: 'required' },
    ]);
    expect(await counts()).toEqual(before);
    const good = ok(
      await t.gql<{
        registerOrganisation: {
          krs: string;
          nip: string;
          regon: string;
          organisation: { kind: string };
        };
      }>(
        REGISTER,
        {
          i: belarusianGroup({
            name: 'Fundacja Sąsiedzka',
            legalForm: 'FOUNDATION',
            krs: '0000123456',
            nip: '123-456-32-18',
            regon: '12345678500010',
          }),
        },
        { token: founder.token },
      ),
    ).registerOrganisation;
    expect(good).toMatchObject({
      krs: '0000123456',
      nip: '1234563218',
      regon: '12345678500010',
      organisation: { kind: 'ngo' },
    });
  });

  it("the organisation's admin invites a member, who accepts; others cannot invite", async () => {
    const org = await verifiedOrganisation(
      t,
      staff.token,
      belarusianGroup({ name: 'Mamy z Ukrainy' }),
    );
    const member = await t.userWith([Role.learner]);
    const stranger = await t.userWith([Role.learner]);
    const INVITE = `mutation($i: InviteOrganisationMemberInput!) { inviteOrganisationMember(input: $i) { state role userId } }`;
    const byStranger = await t.gql(
      INVITE,
      { i: { organisationId: org.organisationId, login: member.login } },
      { token: stranger.token },
    );
    expect(codeOf(byStranger)).toBe('FORBIDDEN');
    const invited = ok(
      await t.gql<{ inviteOrganisationMember: { state: string; userId: string } }>(
        INVITE,
        { i: { organisationId: org.organisationId, login: member.login } },
        { token: org.admin.token },
      ),
    ).inviteOrganisationMember;
    expect(invited).toEqual({ state: 'INVITED', role: 'MEMBER', userId: member.id });
    const again = await t.gql(
      INVITE,
      { i: { organisationId: org.organisationId, login: member.login } },
      { token: org.admin.token },
    );
    expect(codeOf(again)).toBe('ALREADY_REGISTERED');
    const ACCEPT = `mutation($id: ID!) { acceptOrganisationInvitation(input: { organisationId: $id }) { state } }`;
    expect(codeOf(await t.gql(ACCEPT, { id: org.organisationId }, { token: stranger.token }))).toBe(
      'NOT_FOUND',
    );
    expect(
      ok(
        await t.gql<{ acceptOrganisationInvitation: { state: string } }>(
          ACCEPT,
          { id: org.organisationId },
          { token: member.token },
        ),
      ).acceptOrganisationInvitation.state,
    ).toBe('ACTIVE');
    const mine = ok(
      await t.gql<{ myNgoMemberships: { organisationId: string; role: string }[] }>(
        `{ myNgoMemberships { organisationId role state } }`,
        {},
        { token: member.token },
      ),
    );
    expect(mine.myNgoMemberships).toEqual([
      { organisationId: org.organisationId, role: 'MEMBER', state: 'ACTIVE' },
    ]);
  });

  it('the admin edits the profile; new registry numbers send it back for verification', async () => {
    const org = await verifiedOrganisation(t, staff.token, belarusianGroup({ name: 'Klub mam' }));
    const UPDATE = `mutation($i: UpdateNgoProfileInput!) { updateNgoProfile(input: $i) { verification nip districts organisation { name address { city } } } }`;
    const member = await t.userWith([Role.learner]);
    expect(
      codeOf(
        await t.gql(
          UPDATE,
          { i: { organisationId: org.organisationId, districts: ['Bałuty'] } },
          { token: member.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    const bad = await t.gql(
      UPDATE,
      { i: { organisationId: org.organisationId, nip: '1234563219' } },
      { token: org.admin.token },
    );
    expect(codeOf(bad)).toBe('INVALID_REGISTRY_NUMBER');
    const renamed = ok(
      await t.gql<{
        updateNgoProfile: {
          verification: string;
          districts: string[];
          organisation: { name: string };
        };
      }>(
        UPDATE,
        {
          i: { organisationId: org.organisationId, name: 'Клуб мам Балуты', districts: ['Bałuty'] },
        },
        { token: org.admin.token },
      ),
    ).updateNgoProfile;
    expect(renamed).toMatchObject({
      verification: 'VERIFIED',
      districts: ['Bałuty'],
      organisation: { name: 'Клуб мам Балуты' },
    });
    const found = ok(
      await t.gql<{ ngoDirectory: { nodes: { organisationId: string }[] } }>(DIRECTORY, {
        s: 'klub mam baluty',
      }),
    );
    expect(found.ngoDirectory.nodes.map((n) => n.organisationId)).toEqual([org.organisationId]);
    const withNip = ok(
      await t.gql<{ updateNgoProfile: { verification: string; nip: string } }>(
        UPDATE,
        { i: { organisationId: org.organisationId, nip: '123 456 32 18' } },
        { token: org.admin.token },
      ),
    ).updateNgoProfile;
    expect(withNip).toMatchObject({ verification: 'PENDING', nip: '1234563218' });
  });
});
