import type { Session } from './session';

/**
 * `fetch` for GraphQL: the access token (refreshed when close to expiry), the reader's language
 * (`?lang=`, so the API's messages and content come in it) and the cookie-mode header. When the
 * API says the token expired meanwhile, it refreshes once and repeats the request.
 */
export function apiFetch(
  session: Session,
  language: () => string,
  base: typeof fetch = fetch,
): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input), location.origin);
    url.searchParams.set('lang', language());
    const send = async (token: string | null) => {
      const headers = new Headers(init?.headers);
      headers.set('x-sasiad-refresh', 'cookie');
      if (token) headers.set('authorization', `Bearer ${token}`);
      return base(url.toString(), { ...init, headers, credentials: 'same-origin' });
    };
    const token = await session.accessToken();
    const res = await send(token);
    if (!token || !res.ok) return res;
    const text = await res.clone().text();
    if (!text.includes('"UNAUTHENTICATED"')) return res;
    const fresh = await session.refresh();
    return fresh && fresh !== token ? send(fresh) : res;
  };
}
