import { createContext, useContext } from 'react';
import type { Client } from 'urql';
import type { Language } from './lib/language';
import type { Outbox, OutboxItem } from './lib/outbox';

export interface SignedInUser {
  id: string;
  login: string;
  preferredLanguage: Language;
  displayName?: string | null;
  roles: string[];
}

export interface AppState {
  language: Language;
  setLanguage(lang: Language): Promise<void>;
  user: SignedInUser | null;
  setUser(user: SignedInUser | null): void;
  online: boolean;
  outbox: Outbox;
  pending: OutboxItem[];
  flushOutbox(): Promise<void>;
  client: Client;
  /** A question the outbox sent (now or on reconnect) whose access code the asker has not seen yet. */
  sentQuestion: { id: string; code: string | null } | null;
  clearSentQuestion(): void;
  /** Access codes of anonymous threads opened in this visit (memory only, never stored). */
  accessCodes: Map<string, string>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside the app');
  return ctx;
}
