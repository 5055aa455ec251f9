import { randomBytes } from 'node:crypto';
import { Clock, JobScheduler } from '@sasiad/core';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Two server instances on one database: every scheduled job runs in exactly one of them per
 * period, and again in one of them once its period has passed (time moved with the Clock).
 */
describe('scheduled jobs with two server instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const uri = `${process.env.SASIAD_TEST_DB_URI!.replace(/\/?$/, '/')}jobs_${randomBytes(4).toString('hex')}`;
    a = await startTestApp({ env: { MONGODB_URI: uri } });
    b = await startTestApp({ env: { MONGODB_URI: uri } });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('finds the jobs declared on the services that own the data', () => {
    expect(a.app.get(JobScheduler).names()).toEqual([
      'core.purgeExpiredUploadTickets',
      'forums.repairCounters',
      'grants.correctionDeadlines',
      'grants.reportReminders',
      'identity.purgeExpiredTokens',
      'infoPoint.retention',
      'ngo.consultation-reminders',
      'ngo.funding-deadline-reminders',
      'zones.eventReminders',
      'zones.eventRetention',
      'zones.sweepPendingRegistrations',
    ]);
  });

  it('runs each job in one instance per period, whichever asks first', async () => {
    for (const name of a.app.get(JobScheduler).names()) {
      const outcomes = await Promise.all([
        a.app.get(JobScheduler).runNow(name),
        b.app.get(JobScheduler).runNow(name),
        a.app.get(JobScheduler).runNow(name),
        b.app.get(JobScheduler).runNow(name),
      ]);
      expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(3);
    }
  });

  it('runs a job again once its period has passed, and only then', async () => {
    const name = 'identity.purgeExpiredTokens';
    const [clockA, clockB] = [a.app.get(Clock), b.app.get(Clock)];
    try {
      clockA.advance(30 * 60_000);
      clockB.advance(30 * 60_000);
      expect(await b.app.get(JobScheduler).runNow(name)).toBe('skipped');
      clockA.advance(31 * 60_000);
      clockB.advance(31 * 60_000);
      const outcomes = await Promise.all([
        b.app.get(JobScheduler).runNow(name),
        a.app.get(JobScheduler).runNow(name),
      ]);
      expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    } finally {
      clockA.reset();
      clockB.reset();
    }
  });
});
