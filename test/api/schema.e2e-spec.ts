import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');
const HEADER =
  '# Generated from the code-first resolvers. Do not edit: run `npm run schema:update`.\n\n';

/** schema.gql is committed so API changes show in review; this fails when it is stale. */
describe('committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the schema the server builds', () => {
    const current =
      HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, current);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== current) {
      throw new Error('schema.gql is stale: run `npm run schema:update` and commit the result');
    }
    expect(committed).toContain('type Mutation');
  });
});
