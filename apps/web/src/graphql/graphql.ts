import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * Every document the app sends is written with this `graphql()` and typed from the committed
 * schema.gql (`gql-tada generate output`); `gql-tada check` in `npm run build:web` fails on a
 * field or argument the schema does not have.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
