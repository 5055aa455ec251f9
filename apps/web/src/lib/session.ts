/**
 * The browser session. The access token lives only in this module's memory; the refresh token is
 * an HttpOnly cookie on /auth that no script can read. A refresh is single-flight in this tab
 * and serialised across tabs with the Web Locks API, because refresh tokens are single use: two
 * tabs rotating the same one would look like theft and end the session.
 */
export interface SessionDeps {
  fetch: typeof fetch;
  now: () => number;
  locks?: { request<T>(name: string, cb: () => Promise<T>): Promise<T> };
  /** A non-secret marker that a session may exist (so a first visit does not call /auth). */
  marker: { get(): boolean; set(on: boolean): void };
}

export type SessionState = 'signedIn' | 'signedOut';

export class Session {
  private token: string | null = null;
  private expiresAt = 0;
  private inflight: Promise<string | null> | null = null;
  private listeners = new Set<(state: SessionState) => void>();

  constructor(private readonly deps: SessionDeps) {}

  get signedIn(): boolean {
    return this.token !== null;
  }

  /** After signUp, signIn, changePassword (cookie mode) or a refresh. */
  start(accessToken: string, expiresInSeconds: number): void {
    this.token = accessToken;
    this.expiresAt = this.deps.now() + expiresInSeconds * 1000;
    this.deps.marker.set(true);
    this.emit('signedIn');
  }

  end(): void {
    const was = this.token !== null;
    this.token = null;
    this.expiresAt = 0;
    this.deps.marker.set(false);
    if (was) this.emit('signedOut');
  }

  onChange(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A token valid for at least 30 more seconds, refreshed if needed; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.token && this.deps.now() < this.expiresAt - 30_000) return this.token;
    if (!this.token && !this.deps.marker.get()) return null;
    return this.refresh();
  }

  /** Rotates the cookie; null when there is no session any more. Offline keeps the old token. */
  refresh(): Promise<string | null> {
    this.inflight ??= this.refreshOnce().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refreshOnce(): Promise<string | null> {
    const run = async () => {
      let res: Response;
      try {
        res = await this.deps.fetch('/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'x-sasiad-refresh': 'cookie' },
        });
      } catch {
        return this.token; // offline: the caller's request will fail as offline, not signed out
      }
      if (res.status === 200) {
        const body = (await res.json()) as { accessToken: string; accessTokenExpiresIn: number };
        this.start(body.accessToken, body.accessTokenExpiresIn);
        return this.token;
      }
      if (res.status === 401) this.end();
      return this.token;
    };
    return this.deps.locks ? this.deps.locks.request('sasiad-refresh', run) : run();
  }

  async signOut(): Promise<void> {
    try {
      await this.deps.fetch('/auth/sign-out', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'x-sasiad-refresh': 'cookie' },
      });
    } finally {
      this.end();
    }
  }

  private emit(state: SessionState) {
    for (const l of this.listeners) l(state);
  }
}

const MARKER = 'sasiad.session';

export const session = new Session({
  fetch: (...args) => globalThis.fetch(...args),
  now: () => Date.now(),
  locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
  marker: {
    get: () => {
      try {
        return localStorage.getItem(MARKER) === '1';
      } catch {
        return false;
      }
    },
    set: (on) => {
      try {
        if (on) localStorage.setItem(MARKER, '1');
        else localStorage.removeItem(MARKER);
      } catch {
        /* private mode */
      }
    },
  },
});
