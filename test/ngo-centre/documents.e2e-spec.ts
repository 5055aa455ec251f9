import { Clock, Role } from '@sasiad/core';
import { downloadFile, requestUpload, sampleFiles, sendUpload, uploadFile } from '../support/files';
import { ok } from '../support/graphql';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { OrgFixture, verifiedOrganisation } from './fixtures';

const CREATE = `mutation($i: CreatePublicationInput!) { createPublication(input: $i) { id current { number } } }`;
const ADD = `mutation($i: AddPublicationVersionInput!) { addPublicationVersion(input: $i) {
  id current { number superseded file { id } }
  versions { number superseded validFrom validUntil file { id mimeType } }
} }`;

interface Version {
  number: number;
  superseded: boolean;
  validFrom: string | null;
  validUntil: string | null;
  file: { id: string; mimeType: string } | null;
}

describe('ngo-centre: the publications library and documents of resource requests', () => {
  let t: TestApp;
  let staff: { token: string };
  let org: OrgFixture;

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.userWith([Role.staff]);
    org = await verifiedOrganisation(t, staff.token);
  });
  afterAll(() => t.close());

  it('a publication with two versions: the new one supersedes the old, which stays readable', async () => {
    const { id } = ok(
      await t.gql<{ createPublication: { id: string } }>(
        CREATE,
        {
          i: {
            kind: 'STATUTORY_FORM',
            title: [
              { lang: 'pl', text: 'Wzór sprawozdania z realizacji zadania publicznego' },
              { lang: 'uk', text: 'Зразок звіту про виконання публічного завдання' },
            ],
            summary: [{ lang: 'pl', text: 'Formularz według rozporządzenia.' }],
            topics: ['sprawozdanie'],
          },
        },
        { token: staff.token },
      ),
    ).createPublication;
    const owner = { ownerKind: 'ngo-centre.publication', ownerId: id };
    const v1 = await uploadFile(t, staff.token, {
      ...owner,
      fileName: 'sprawozdanie-2024.pdf',
      bytes: sampleFiles.pdf,
    });
    const first = ok(
      await t.gql<{ addPublicationVersion: { versions: Version[] } }>(
        ADD,
        {
          i: {
            publicationId: id,
            fileId: v1.id,
            validFrom: '2024-01-01T00:00:00+01:00',
            validUntil: '2026-12-31T23:59:00+01:00',
          },
        },
        { token: staff.token },
      ),
    ).addPublicationVersion;
    expect(first.versions).toEqual([
      expect.objectContaining({
        number: 1,
        superseded: false,
        validFrom: '2023-12-31T23:00:00.000Z',
      }),
    ]);
    const v2 = await uploadFile(t, staff.token, {
      ...owner,
      fileName: 'sprawozdanie-2027.docx',
      bytes: sampleFiles.docx(),
    });
    const second = ok(
      await t.gql<{ addPublicationVersion: { current: Version; versions: Version[] } }>(
        ADD,
        { i: { publicationId: id, fileId: v2.id, validFrom: '2027-01-01T00:00:00+01:00' } },
        { token: staff.token },
      ),
    ).addPublicationVersion;
    expect(second.current).toMatchObject({ number: 2, superseded: false, file: { id: v2.id } });
    expect(second.versions.map((v) => [v.number, v.superseded, v.file?.id])).toEqual([
      [2, false, v2.id],
      [1, true, v1.id],
    ]);
    // both readable by anyone, the old one too
    expect((await downloadFile(t, v1.id)).status).toBe(200);
    expect((await downloadFile(t, v2.id)).status).toBe(200);
    // the same file twice is refused; a file of another owner is not found
    expect(
      codeOf(await t.gql(ADD, { i: { publicationId: id, fileId: v2.id } }, { token: staff.token })),
    ).toBe('ILLEGAL_TRANSITION');
    // search in Ukrainian, typed in Latin letters
    const found = ok(
      await t.gql<{ publications: { nodes: { id: string; title: { text: string } }[] } }>(
        `query($s: String) { publications(search: $s) { nodes { id title { text } } } }`,
        { s: 'zvit' },
        { query: '?lang=uk' },
      ),
    ).publications.nodes;
    expect(found).toEqual([
      { id, title: { text: 'Зразок звіту про виконання публічного завдання' } },
    ]);
  });

  it('refuses a file of the wrong type, and uploads by anyone but staff', async () => {
    const { id } = ok(
      await t.gql<{ createPublication: { id: string } }>(
        CREATE,
        { i: { kind: 'GUIDE', title: [{ lang: 'pl', text: 'Poradnik: fundraising' }] } },
        { token: staff.token },
      ),
    ).createPublication;
    const owner = { ownerKind: 'ngo-centre.publication', ownerId: id };
    const { uploadUrl } = await requestUpload(t, staff.token, {
      ...owner,
      fileName: 'notatki.txt',
    });
    const refused = await sendUpload(t, uploadUrl, Buffer.from('zwykły tekst, nie PDF'));
    expect(refused).toMatchObject({ status: 415, body: { code: 'FILE_TYPE_NOT_ALLOWED' } });
    const byOrg = await t.gql(
      `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
      { i: { ...owner, fileName: 'x.pdf' } },
      { token: org.admin.token },
    );
    expect(codeOf(byOrg)).toBe('FORBIDDEN');
    expect(await t.db.collection('files.files').countDocuments({ 'metadata.ownerId': id })).toBe(0);
  });

  it("a resource request's documents: added by the organisation while pending, read by it and staff only", async () => {
    const request = ok(
      await t.gql<{ requestResource: { id: string } }>(
        `mutation($i: RequestResourceInput!) { requestResource(input: $i) { id } }`,
        {
          i: {
            organisationId: org.organisationId,
            kind: 'CORRESPONDENCE_ADDRESS',
            startsAt: '2027-01-01T00:00:00Z',
            endsAt: '2027-12-31T00:00:00Z',
            plan: 'Adres do korespondencji grupy na rok 2027.',
          },
        },
        { token: org.admin.token },
      ),
    ).requestResource;
    const owner = { ownerKind: 'ngo-centre.resource-request', ownerId: request.id };
    const statute = await uploadFile(t, org.admin.token, {
      ...owner,
      fileName: 'statut.pdf',
      bytes: sampleFiles.pdf,
    });
    const stranger = await t.userWith([Role.learner]);
    expect((await downloadFile(t, statute.id, staff.token)).status).toBe(200);
    expect((await downloadFile(t, statute.id, org.admin.token)).status).toBe(200);
    expect((await downloadFile(t, statute.id, stranger.token)).status).toBe(404);
    expect((await downloadFile(t, statute.id)).status).toBe(404);
    const strangerUpload = await t.gql(
      `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
      { i: { ...owner, fileName: 'x.pdf' } },
      { token: stranger.token },
    );
    expect(codeOf(strangerUpload)).toBe('FORBIDDEN');
    // once decided, no more documents
    ok(
      await t.gql(
        `mutation($id: ID!) { approveResourceRequest(input: { requestId: $id }) { status } }`,
        { id: request.id },
        { token: staff.token },
      ),
    );
    const late = await t.gql(
      `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
      { i: { ...owner, fileName: 'krs.pdf' } },
      { token: org.admin.token },
    );
    expect(codeOf(late)).toBe('FORBIDDEN');
  });

  it('a training is a zones event with registration as usual; materials are added after it', async () => {
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const training = ok(
      await t.gql<{ createTraining: { id: string; eventId: string; materials: unknown[] } }>(
        `mutation($i: CreateTrainingInput!) { createTraining(input: $i) { id eventId topics materials { id } } }`,
        {
          i: {
            topics: ['FUNDRAISING', 'WRITING_OFFERS'],
            event: {
              kind: 'workshop',
              title: [{ lang: 'pl', text: 'Jak napisać ofertę w konkursie grantowym' }],
              place: {
                name: 'CWOP',
                address: { street: 'ul. Warszawska 5', postalCode: '15-062', city: 'Białystok' },
              },
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
              languages: ['pl', 'uk'],
              capacity: 20,
            },
          },
        },
        { token: staff.token },
      ),
    ).createTraining;
    expect(training.materials).toEqual([]);
    // registration as for any event
    const registered = await t.gql<{ registerForEvent: { registration: { status: string } } }>(
      `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status } } }`,
      { i: { eventId: training.eventId } },
      { token: org.admin.token },
    );
    expect(ok(registered).registerForEvent.registration.status).toBe('confirmed');
    const owner = { ownerKind: 'ngo-centre.training', ownerId: training.id };
    const early = await t.gql(
      `mutation($i: RequestFileUploadInput!) { requestFileUpload(input: $i) { uploadUrl } }`,
      { i: { ...owner, fileName: 'slajdy.pdf' } },
      { token: staff.token },
    );
    expect(codeOf(early)).toBe('FORBIDDEN');
    const clock = t.app.get(Clock);
    clock.setNow(new Date(startsAt.getTime() + 4 * 3_600_000));
    try {
      const slides = await uploadFile(t, staff.token, {
        ...owner,
        fileName: 'slajdy.pdf',
        bytes: sampleFiles.pdf,
      });
      const listed = ok(
        await t.gql<{ trainings: { id: string; materials: { id: string }[] }[] }>(
          `{ trainings { id materials { id } } }`,
        ),
      ).trainings;
      expect(listed).toEqual([{ id: training.id, materials: [{ id: slides.id }] }]);
      expect((await downloadFile(t, slides.id)).status).toBe(200);
    } finally {
      clock.reset();
    }
  });
});
