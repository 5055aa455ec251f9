import mongoose, { Connection } from 'mongoose';

/**
 * The single-document atomicity the code relies on (see the README's database rules), checked on
 * the embedded database itself. FerretDB 1.24 alone loses concurrent updates; the launcher's
 * proxy must make each command atomic, as MongoDB does.
 */
describe('embedded database: single-document atomicity', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await mongoose
      .createConnection(
        `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}atomicity_${process.pid}`,
        { maxPoolSize: 20 },
      )
      .asPromise();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('counts 100 concurrent $inc exactly', async () => {
    const counters = conn.collection('counters');
    await counters.insertOne({ _id: 'c' as never, n: 0 });
    await Promise.all(
      Array.from({ length: 100 }, () =>
        counters.updateOne({ _id: 'c' as never }, { $inc: { n: 1 } }),
      ),
    );
    expect((await counters.findOne({ _id: 'c' as never }))!.n).toBe(100);
  });

  it('gives 10 seats to exactly 10 of 60 concurrent guarded claims', async () => {
    const events = conn.collection('events');
    await events.insertOne({ _id: 'e' as never, seatsLeft: 10, holders: [] });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        events.findOneAndUpdate(
          { _id: 'e' as never, seatsLeft: { $gt: 0 } },
          { $inc: { seatsLeft: -1 }, $push: { holders: `p${i}` } as never },
          { returnDocument: 'after' },
        ),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(10);
    const final = await events.findOne({ _id: 'e' as never });
    expect(final!.seatsLeft).toBe(0);
    expect(final!.holders).toHaveLength(10);
  });

  it('lets one of 30 concurrent inserts of the same unique key through, the rest get 11000', async () => {
    const accounts = conn.collection('accounts');
    await accounts.createIndex({ key: 1 }, { unique: true });
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => accounts.insertOne({ key: 'same' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => (r.reason as { code: number }).code);
    expect(codes).toEqual(Array(29).fill(11000));
  });
});
