import { Client, fetchExchange } from 'urql';
import { apiFetch } from '../../lib/api-fetch';
import { liveExchange } from '../../lib/client';
import { session } from '../../lib/session';
import type { Language } from '../../lib/language';

/**
 * The staff console's client: no normalised cache and nothing written to IndexedDB (a desk
 * computer is shared; question texts must not stay on it). Every read goes to the network;
 * live events come over the app's one socket.
 */
export function createStaffClient(language: Language): Client {
  return new Client({
    url: '/graphql',
    fetch: apiFetch(session, () => language),
    requestPolicy: 'network-only',
    preferGetMethod: false,
    exchanges: [liveExchange(null), fetchExchange],
  });
}
