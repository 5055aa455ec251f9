import { Types } from 'mongoose';
import { Role } from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import {
  branchCoordinator,
  closeNow,
  createCall,
  PUBLISH_DECISIONS,
  SET_DECISION,
  submittedApplication,
} from './fixtures';

/**
 * A decision set while the decisions are being published is either part of the publication
 * (published, handed to the programme's handler, notified) or refused: never written after the
 * publication read the decisions.
 */
describe('zones: setDecision against publishDecisions', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.userWith([Role.admin])).token;
  });
  afterAll(() => t.close());

  /** A closed activity-zone call with `count` submitted applications, all rejected for now. */
  async function closedCallWithRejections(count: number, label: string) {
    const callId = await createCall(t, admin, { programme: 'activity_zones', places: count });
    const applications: string[] = [];
    for (let i = 0; i < count; i++) {
      const branch = await branchCoordinator(t, admin, `Filia ${label}-${i}`);
      applications.push(await submittedApplication(t, branch.token, callId));
    }
    await closeNow(t, admin, callId);
    for (const applicationId of applications)
      ok(
        await t.gql(
          SET_DECISION,
          {
            i: { applicationId, outcome: 'rejected', justification: 'Za mało miejsc w tej turze.' },
          },
          { token: admin },
        ),
      );
    return { callId, applications };
  }

  const callDoc = (callId: string) =>
    t.db.collection('calls').findOne({ _id: new Types.ObjectId(callId) });

  /**
   * No timing: `before` decisions are written one after another first, then the publication and
   * the other decisions start at the same moment (in any interleaving the server gives them);
   * with `after`, the publication has answered before the decisions start. Whatever the
   * interleaving, every assertion below must hold.
   */
  it.each([
    ['all at once with the publication', 0, false],
    ['partly written before the publication', 2, false],
    ['all but one written before the publication', 4, false],
    ['all after the publication', 0, true],
  ])(
    'concurrent decisions (%s) are each published with their zone, or refused and unchanged',
    async (label, before, after) => {
      const { callId, applications } = await closedCallWithRejections(5, label);
      const decide = (applicationId: string) =>
        t.gql(
          SET_DECISION,
          {
            i: {
              applicationId,
              outcome: 'accepted',
              justification: 'Jednak przyjęte: miejsce jest.',
            },
          },
          { token: admin },
        );
      const publish = () => t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin });
      const results: Awaited<ReturnType<typeof decide>>[] = [];
      for (const applicationId of applications.slice(0, before))
        results.push(await decide(applicationId));
      const rest = applications.slice(before);
      let published: Awaited<ReturnType<typeof publish>>;
      if (after) {
        published = await publish();
        results.push(...(await Promise.all(rest.map(decide))));
      } else {
        const [publication, ...concurrent] = await Promise.all([publish(), ...rest.map(decide)]);
        published = publication;
        results.push(...concurrent);
      }
      ok(published);

      const accepted = new Set<string>();
      results.forEach((res, i) => {
        if (res.body.errors)
          expect(['PUBLICATION_IN_PROGRESS', 'DECISIONS_ALREADY_PUBLISHED']).toContain(codeOf(res));
        else accepted.add(applications[i]);
      });

      const call = await callDoc(callId);
      expect(call!.publishingSince ?? null).toBeNull();
      expect(call!.decisionWritesInFlight).toBe(0);
      const decisions = await t.db
        .collection('decisions')
        .find({ callId: new Types.ObjectId(callId) })
        .toArray();
      expect(decisions).toHaveLength(applications.length);
      for (const decision of decisions) {
        const id = decision.applicationId.toHexString();
        // a refused change left the rejection as it was; a successful one is what was published
        expect(decision.outcome).toBe(accepted.has(id) ? 'accepted' : 'rejected');
        expect(decision.updatedAt.getTime()).toBeLessThanOrEqual(
          call!.decisionsPublishedAt.getTime(),
        );
      }
      // the handler got exactly the accepted decisions the publication read
      const zones = await t.db
        .collection('activity_zones')
        .find({ callId: new Types.ObjectId(callId) })
        .toArray();
      expect(zones.map((z) => z.applicationId.toHexString()).sort()).toEqual([...accepted].sort());
    },
  );

  it('refuses a decision while a publication holds the call, and changes nothing', async () => {
    const { callId, applications } = await closedCallWithRejections(1, 'held');
    const claimedAt = new Date();
    await t.db
      .collection('calls')
      .updateOne({ _id: new Types.ObjectId(callId) }, { $set: { publishingSince: claimedAt } });
    const refused = await t.gql(
      SET_DECISION,
      {
        i: { applicationId: applications[0], outcome: 'accepted', justification: 'Zmiana zdania.' },
      },
      { token: admin },
    );
    expect(codeOf(refused)).toBe('PUBLICATION_IN_PROGRESS');
    expect(refused.body.errors![0].message).toBe(
      'Decyzje w tym naborze są właśnie publikowane. Spróbuj ponownie za chwilę.',
    );
    const decision = await t.db
      .collection('decisions')
      .findOne({ applicationId: new Types.ObjectId(applications[0]) });
    expect(decision!.outcome).toBe('rejected');
    expect((await callDoc(callId))!.decisionWritesInFlight).toBe(0);
    // a second publication is refused too; a claim abandoned long ago is taken over
    expect(codeOf(await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin }))).toBe(
      'PUBLICATION_IN_PROGRESS',
    );
    await t.db
      .collection('calls')
      .updateOne(
        { _id: new Types.ObjectId(callId) },
        { $set: { publishingSince: new Date(Date.now() - 10 * 60_000) } },
      );
    ok(await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin }));
  });

  it('waits for a decision being written; one announced but never finished holds it only until its lease ends', async () => {
    const { callId } = await closedCallWithRejections(1, 'lease');
    const _id = new Types.ObjectId(callId);
    await t.db.collection('calls').updateOne(
      { _id },
      {
        $set: {
          decisionWritesInFlight: 1,
          decisionWriteLeaseUntil: new Date(Date.now() + 60_000),
        },
      },
    );
    const held = await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin });
    expect(codeOf(held)).toBe('CONCURRENT_CHANGE');
    const untouched = await callDoc(callId);
    expect(untouched!.decisionsPublishedAt ?? null).toBeNull();
    expect(untouched!.publishingSince ?? null).toBeNull();
    expect(await t.db.collection('zones_notifications').countDocuments({ referenceId: _id })).toBe(
      0,
    );

    await t.db
      .collection('calls')
      .updateOne({ _id }, { $set: { decisionWriteLeaseUntil: new Date(Date.now() - 1_000) } });
    ok(await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin }));
    expect((await callDoc(callId))!.decisionsPublishedAt).toBeInstanceOf(Date);
  });

  it('publishes a call stored before the publication fields existed', async () => {
    const { callId } = await closedCallWithRejections(1, 'old');
    await t.db
      .collection('calls')
      .updateOne(
        { _id: new Types.ObjectId(callId) },
        { $unset: { decisionWritesInFlight: 1, decisionWriteLeaseUntil: 1, firstSubmittedAt: 1 } },
      );
    ok(await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin }));
    expect((await callDoc(callId))!.decisionsPublishedAt).toBeInstanceOf(Date);
  });

  it('gives the claim back when the decisions are incomplete', async () => {
    const callId = await createCall(t, admin);
    const branch = await branchCoordinator(t, admin, 'Filia bez decyzji');
    await submittedApplication(t, branch.token, callId);
    await closeNow(t, admin, callId);
    expect(codeOf(await t.gql(PUBLISH_DECISIONS, { c: callId }, { token: admin }))).toBe(
      'DECISIONS_INCOMPLETE',
    );
    const call = await callDoc(callId);
    expect(call!.publishingSince ?? null).toBeNull();
    expect(call!.decisionsPublishedAt ?? null).toBeNull();
  });
});
