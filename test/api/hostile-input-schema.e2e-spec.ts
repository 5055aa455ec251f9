import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { Role } from '@sasiad/core';
import { GqlResponse, startTestApp, TestApp } from '../support/test-app';

const SURROGATE = 'a\udc00b';
const ZERO_ID = '000000000000000000000000';
/** Cursors a client could forge: a wrong value type, an operator, no JSON, an array, no id. */
const CRAFTED_CURSORS = [
  Buffer.from(JSON.stringify({ v: 'x', id: ZERO_ID })).toString('base64url'),
  Buffer.from(JSON.stringify({ v: { $gt: 1 }, id: { $ne: null } })).toString('base64url'),
  Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url'),
  Buffer.from('not json at all').toString('base64url'),
  '!!!%%%',
  SURROGATE,
];
/** Mutations that would end the admin's own session or account if they ever went through. */
const SKIP = new Set(['signOut', 'signOutEverywhere', 'deleteMyAccount', 'changePassword']);

/** A value of the right shape for a type, with `text` in every string field. */
function sample(type: GraphQLInputType, text: string, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, text, depth);
  if (isListType(type)) return [sample(type.ofType, text, depth)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return ZERO_ID;
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2030-01-01T10:00:00.000Z';
      default:
        return text;
    }
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type) || depth < 2)
        value[field.name] = sample(field.type, text, depth + 1);
    return value;
  }
  return null;
}

const selection = (field: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';

const hasString = (type: GraphQLInputType, depth = 0): boolean => {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String';
  if (isInputObjectType(named) && depth < 3)
    return Object.values(named.getFields()).some((f) => hasString(f.type, depth + 1));
  return false;
};

const typeName = (type: GraphQLInputType): string => type.toString();

/**
 * Issue 14, item 6: every string argument and every cursor of the whole schema, not only the
 * ones someone thought of. Whatever comes back, it is never an internal error.
 */
describe('hostile input across the whole schema', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let admin: { token: string };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.userWith([Role.admin, Role.staff]);
    const res = await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {});
    schema = buildClientSchema(res.body.data!);
  });
  afterAll(() => t.close());

  const call = (
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
    values: Map<GraphQLArgument, unknown>,
  ): Promise<GqlResponse<unknown>> => {
    const args = [...values.keys()];
    const vars = args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
    const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const document = `${kind}${vars ? `(${vars})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection(field)} }`;
    return t.gql(document, Object.fromEntries(args.map((a) => [a.name, values.get(a)])), {
      token: admin.token,
    });
  };

  const internalErrors = (res: GqlResponse<unknown>) =>
    (res.body.errors ?? []).filter(
      (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || res.status >= 500,
    );

  it('answers crafted cursors on every paged query without an internal error', async () => {
    const paged = Object.values(schema.getQueryType()!.getFields()).filter((f) =>
      f.args.some((a) => a.name === 'after'),
    );
    expect(paged.length).toBeGreaterThan(10);
    const failures: string[] = [];
    let refused = 0;
    for (const field of paged)
      for (const cursor of CRAFTED_CURSORS) {
        const values = new Map<GraphQLArgument, unknown>();
        for (const arg of field.args)
          if (arg.name === 'after') values.set(arg, cursor);
          else if (isNonNullType(arg.type) && arg.defaultValue === undefined)
            values.set(arg, sample(arg.type, 'x'));
        const res = await call('query', field, values);
        if (internalErrors(res).length > 0) failures.push(`${field.name} after ${cursor}`);
        if (res.body.errors?.some((e) => e.extensions?.code === 'INVALID_CURSOR')) refused++;
      }
    expect(failures).toEqual([]);
    // the cursors were read, not stopped earlier by something else
    expect(refused).toBeGreaterThan(paged.length * 3);
  });

  it('answers a lone surrogate in every string argument of every query without an internal error', async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields()))
      for (const target of field.args.filter((a) => hasString(a.type))) {
        const values = new Map<GraphQLArgument, unknown>();
        for (const arg of field.args)
          if (arg === target) values.set(arg, sample(arg.type, SURROGATE));
          else if (isNonNullType(arg.type) && arg.defaultValue === undefined)
            values.set(arg, sample(arg.type, 'x'));
        tried++;
        const res = await call('query', field, values);
        if (internalErrors(res).length > 0) failures.push(`${field.name}(${target.name})`);
      }
    expect(tried).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('refuses a lone surrogate in the input of every mutation with a validation error, never an internal one', async () => {
    const failures: string[] = [];
    let wellFormed = 0;
    let tried = 0;
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      if (SKIP.has(field.name)) continue;
      const input = field.args.find((a) => a.name === 'input');
      if (!input || !hasString(input.type)) continue;
      tried++;
      const res = await call('mutation', field, new Map([[input, sample(input.type, SURROGATE)]]));
      if (internalErrors(res).length > 0) failures.push(field.name);
      const fields = (res.body.errors?.[0]?.extensions?.fields ?? []) as { constraint: string }[];
      if (fields.some((f) => f.constraint === 'wellFormedText')) wellFormed++;
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(50);
    // nearly all are refused for the surrogate itself (a few fail earlier, e.g. on a
    // string that must be one of a few values)
    expect(wellFormed).toBeGreaterThan(tried * 0.8);
  });
});
