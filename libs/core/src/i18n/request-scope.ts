import { AsyncLocalStorage } from 'node:async_hooks';
import { Language } from './languages';

/**
 * What is known about an HTTP request before GraphQL runs: its id and language. Apollo's
 * formatError has no access to the GraphQL context, so request-level errors read it from here.
 */
export interface RequestScope {
  requestId: string;
  lang: Language;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
