import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The GraphQL-over-HTTP spec, checked by the graphql-http package's own server audit. Every MUST
 * item has to pass; SHOULD and MAY items are reported, and the ones we meet are pinned so a
 * regression shows up.
 */
const ACCEPTED_GAPS = [
  'MAY accept application/x-www-form-urlencoded formatted GET requests',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  'SHOULD use 200 status code on document parsing failure when accepting application/json',
  'SHOULD use 200 status code on document validation failure when accepting application/json',
  'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
];

describe('GraphQL over HTTP (graphql-http server audit)', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    url = `${t.url}/graphql`;
  });
  afterAll(() => t.close());

  const audits = serverAudits({ url: () => url, fetchFn: fetch });

  it('has MUST items to check', () => {
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))(
    '%s',
    async (_name, audit) => {
      const result = await audit.fn();
      expect({
        status: result.status,
        reason: result.status === 'ok' ? undefined : result.reason,
      }).toEqual({ status: 'ok', reason: undefined });
    },
  );

  it('reports which SHOULD and MAY items pass', async () => {
    const results = await Promise.all(
      audits
        .filter((a) => !a.name.startsWith('MUST'))
        .map(async (a) => ({ name: a.name, status: (await a.fn()).status })),
    );
    const notOk = results.filter((r) => r.status !== 'ok').map((r) => r.name);
    console.log(
      `graphql-http audit: ${results.length - notOk.length}/${results.length} SHOULD/MAY items pass; not met:\n  ${notOk.join('\n  ')}`,
    );
    expect(results.length).toBeGreaterThan(10);
    // Known and accepted: GET with variables is blocked by CSRF prevention unless the client sends
    // a preflight header; Apollo answers request errors with 4xx also for application/json.
    expect(notOk.sort()).toEqual(ACCEPTED_GAPS.sort());
  });
});
