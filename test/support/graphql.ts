import type { GqlResponse } from './test-app';

/** The data of a response that must have succeeded; otherwise the errors, as the failure. */
export function ok<T>(res: GqlResponse<T>): T {
  if (!res.body.data || res.body.errors)
    throw new Error(`expected data, got ${res.status}: ${JSON.stringify(res.body.errors)}`);
  return res.body.data;
}
