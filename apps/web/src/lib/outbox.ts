/**
 * Messages for the information point written on this device and not yet accepted by the server:
 * a new question or a follow-up. Each is written to IndexedDB before anything is sent, so nothing
 * typed is lost when the connection drops mid-send; `flush` sends them in order when the network
 * is back. A network failure leaves an item waiting; an answer from the API (e.g. the question
 * was closed meanwhile) marks it failed with the error code, for the reader to see.
 */
export type OutboxKind = 'ask' | 'followUp';
export type OutboxState = 'waiting' | 'sending' | 'failed';

export interface OutboxItem {
  id: string;
  kind: OutboxKind;
  /** The mutation's variables (a follow-up's access code stays on the device only until sent). */
  variables: Record<string, unknown>;
  /** Which thread it belongs to, to show it there. */
  thread?: string;
  state: OutboxState;
  createdAt: number;
  errorCode?: string;
}

export type SendResult =
  | { ok: true; result?: unknown }
  | { ok: false; offline: true }
  | { ok: false; offline: false; code: string };

const STORE = 'items';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Strictly increasing, so items written in the same millisecond keep their order. */
let lastStamp = 0;
const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

export class Outbox {
  private db: Promise<IDBDatabase>;
  private listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;

  constructor(factory: IDBFactory, name = 'sasiad-outbox') {
    this.db = new Promise((resolve, reject) => {
      const open = factory.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit() {
    for (const l of this.listeners) l();
  }

  private async store(mode: IDBTransactionMode) {
    return (await this.db).transaction(STORE, mode).objectStore(STORE);
  }

  async add(
    kind: OutboxKind,
    variables: Record<string, unknown>,
    thread?: string,
  ): Promise<OutboxItem> {
    const item: OutboxItem = {
      id: `${stamp().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      kind,
      variables,
      thread,
      state: 'waiting',
      createdAt: stamp(),
    };
    await request((await this.store('readwrite')).put(item));
    this.emit();
    return item;
  }

  async list(): Promise<OutboxItem[]> {
    const items = await request(
      (await this.store('readonly')).getAll() as IDBRequest<OutboxItem[]>,
    );
    return items.sort((a, b) => a.createdAt - b.createdAt);
  }

  async remove(id: string): Promise<void> {
    await request((await this.store('readwrite')).delete(id));
    this.emit();
  }

  private async put(item: OutboxItem) {
    await request((await this.store('readwrite')).put(item));
    this.emit();
  }

  /**
   * Sends every waiting item, oldest first, one at a time; stops at the first network failure
   * (the rest would fail too). Concurrent calls share one run. Items left `sending` by a page
   * closed mid-send are retried.
   */
  flush(
    send: (item: OutboxItem) => Promise<SendResult>,
    onSent?: (item: OutboxItem, result: unknown) => void,
  ): Promise<void> {
    this.flushing ??= (async () => {
      try {
        for (const item of await this.list()) {
          if (item.state === 'failed') continue;
          await this.put({ ...item, state: 'sending' });
          const res = await send(item);
          if (res.ok) {
            await this.remove(item.id);
            onSent?.(item, res.result);
          } else if (res.offline) {
            await this.put({ ...item, state: 'waiting' });
            return;
          } else {
            await this.put({ ...item, state: 'failed', errorCode: res.code });
          }
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }
}
