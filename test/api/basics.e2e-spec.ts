import { startTestApp, TestApp } from '../support/test-app';

describe('the server on the embedded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers { __typename } over HTTP', async () => {
    const res = await t.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports liveness, and readiness after pinging the database', async () => {
    const live = await fetch(`${t.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' } },
    });
  });

  it('gives each request an id and echoes a sane one sent by the client', async () => {
    const own = await t.gql('{ __typename }', undefined, {
      headers: { 'x-request-id': 'req-12345678' },
    });
    expect(own.headers.get('x-request-id')).toBe('req-12345678');
    const fresh = await t.gql('{ __typename }', undefined, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an offline GraphiQL page in development, from local assets only', async () => {
    const page = await fetch(`${t.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const src of sources) expect(src.startsWith('/graphiql/assets/')).toBe(true);
    for (const src of sources) {
      const asset = await fetch(`${t.url}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10);
    }
  });

  it('keeps introspection on outside production', async () => {
    const res = await t.gql('{ __schema { queryType { name } } }');
    expect(res.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
