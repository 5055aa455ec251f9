import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { ZonesEncryptionBackfill } from '@sasiad/zones/encryption-backfill.service';
import { ok } from '../support/graphql';
import { startTestApp, TestApp } from '../support/test-app';
import {
  branchCoordinator,
  closeNow,
  createCall,
  SET_DECISION,
  submittedApplication,
} from './fixtures';

const ASSIGN = `mutation($i: AssignReviewersInput!) { assignReviewers(input: $i) { status } }`;
const REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { comment } }`;
const READ = `query($a: ID!) {
  applicationReviews(applicationId: $a) { comment }
  application(id: $a) { decision { outcome justification } } }`;

type Read = {
  applicationReviews: { comment: string | null }[];
  application: { decision: { outcome: string; justification: string } | null };
};

/**
 * Issue 14, item 8: review comments and decision justifications may name people, so they are
 * encrypted at rest; those stored in plaintext before are encrypted once at start-up.
 */
describe('zones: review comments and decision justifications encrypted at rest', () => {
  let t: TestApp;
  let admin: string;
  let reviewer: { id: string; token: string };
  let callId: string;
  const apps: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
    reviewer = await t.userWith([Role.staff]);
    callId = await createCall(t, admin);
    for (const name of ['Filia Bałuty', 'Filia Widzew']) {
      const branch = await branchCoordinator(t, admin, name);
      apps.push(await submittedApplication(t, branch.token, callId));
    }
    await closeNow(t, admin, callId);
  });
  afterAll(() => t.close());

  const rawTexts = async () =>
    JSON.stringify([
      await t.db.collection('reviews').find().toArray(),
      await t.db.collection('decisions').find().toArray(),
    ]);
  const read = async (applicationId: string) =>
    ok(await t.gql<Read>(READ, { a: applicationId }, { token: admin }));

  it('new comments and justifications: ciphertext in the collection, plaintext through the API', async () => {
    const [applicationId] = apps;
    ok(await t.gql(ASSIGN, { i: { applicationId, reviewerIds: [reviewer.id] } }, { token: admin }));
    const comment = 'Pani Wiśniewska-Kowalczyk prowadziła już takie spotkania.';
    const justification = 'Rozmowa z panem Hryhorenką potwierdziła lokal.';
    ok(
      await t.gql(
        REVIEW,
        { i: { applicationId, scores: [{ criterionKey: 'idea', points: 8 }], comment } },
        { token: reviewer.token },
      ),
    );
    ok(
      await t.gql(
        SET_DECISION,
        { i: { applicationId, outcome: 'accepted', justification } },
        { token: admin },
      ),
    );
    const raw = await rawTexts();
    expect(raw).not.toMatch(/Wiśniewska|Hryhorenk/);
    expect(raw).toMatch(/"commentEnc":"v1\./);
    expect(raw).toMatch(/"justificationEnc":"v1\./);
    expect(await read(applicationId)).toEqual({
      applicationReviews: [{ comment }],
      application: { decision: { outcome: 'accepted', justification } },
    });
  });

  it('plaintext stored before encryption is read as is, then encrypted once at start-up', async () => {
    const applicationId = apps[1];
    const written = new Date('2026-10-01T08:00:00Z');
    await t.db.collection('reviews').insertOne({
      applicationId: new Types.ObjectId(applicationId),
      callId: new Types.ObjectId(callId),
      reviewerId: new Types.ObjectId(reviewer.id),
      status: 'submitted',
      scores: [{ criterionKey: 'idea', points: 4 }],
      comment: 'Pan Ołeksandr Bondarenko nie zna tej dzielnicy.',
      submittedAt: written,
      createdAt: written,
      updatedAt: written,
    });
    await t.db.collection('decisions').insertOne({
      applicationId: new Types.ObjectId(applicationId),
      callId: new Types.ObjectId(callId),
      organisationId: new Types.ObjectId(),
      outcome: 'rejected',
      justification: 'Pani Bondarenko wycofała zgodę na lokal.',
      createdAt: written,
      updatedAt: written,
    });
    const before = await read(applicationId);
    expect(before.applicationReviews[0].comment).toBe(
      'Pan Ołeksandr Bondarenko nie zna tej dzielnicy.',
    );
    expect(await rawTexts()).toMatch(/Bondarenko/);

    const backfill = t.app.get(ZonesEncryptionBackfill);
    expect(await backfill.run()).toEqual({ reviews: 1, decisions: 1 });
    expect(await rawTexts()).not.toMatch(/Bondarenko/);
    expect(await read(applicationId)).toEqual(before);
    // Idempotent: a second run finds nothing and changes nothing.
    const snapshot = await rawTexts();
    expect(await backfill.run()).toEqual({ reviews: 0, decisions: 0 });
    expect(await rawTexts()).toBe(snapshot);
  });
});
