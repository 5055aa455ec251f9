import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxItem, type SendResult } from './outbox';

let n = 0;
const fresh = () => new Outbox(indexedDB, `test-outbox-${++n}`);

describe('offline outbox', () => {
  it('keeps what was written while offline and sends it in order when the network is back', async () => {
    const outbox = fresh();
    await outbox.add('ask', { input: { text: 'first' } });
    await outbox.add('followUp', { text: 'second' }, 'q1');
    const offline = async (): Promise<SendResult> => ({ ok: false, offline: true });
    await outbox.flush(offline);
    expect((await outbox.list()).map((i) => [i.variables.text ?? 'ask', i.state])).toEqual([
      ['ask', 'waiting'],
      ['second', 'waiting'],
    ]);

    const sent: OutboxItem[] = [];
    await outbox.flush(async (item) => {
      sent.push(item);
      return { ok: true, result: { id: item.id } };
    });
    expect(sent.map((i) => i.kind)).toEqual(['ask', 'followUp']);
    expect(await outbox.list()).toEqual([]);
  });

  it('survives a reload: a second outbox on the same database sees the waiting items', async () => {
    const name = `test-outbox-reload-${++n}`;
    await new Outbox(indexedDB, name).add('followUp', { text: 'typed on the tram' }, 'q2');
    const items = await new Outbox(indexedDB, name).list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'followUp', thread: 'q2', state: 'waiting' });
  });

  it('stops at the first network failure and marks refusals as failed with their code', async () => {
    const outbox = fresh();
    await outbox.add('followUp', { text: 'a' }, 'q');
    await outbox.add('followUp', { text: 'b' }, 'q');
    await outbox.add('followUp', { text: 'c' }, 'q');
    const seen: string[] = [];
    await outbox.flush(async (item) => {
      seen.push(String(item.variables.text));
      if (item.variables.text === 'a')
        return { ok: false, offline: false, code: 'ILLEGAL_TRANSITION' };
      return { ok: false, offline: true };
    });
    expect(seen).toEqual(['a', 'b']);
    const items = await outbox.list();
    expect(items.map((i) => [i.variables.text, i.state, i.errorCode])).toEqual([
      ['a', 'failed', 'ILLEGAL_TRANSITION'],
      ['b', 'waiting', undefined],
      ['c', 'waiting', undefined],
    ]);
  });

  it('sends each item once when flushes overlap (two online events)', async () => {
    const outbox = fresh();
    await outbox.add('followUp', { text: 'once' }, 'q');
    let calls = 0;
    const send = async (): Promise<SendResult> => {
      calls++;
      return { ok: true };
    };
    await Promise.all([outbox.flush(send), outbox.flush(send)]);
    expect(calls).toBe(1);
  });

  it('notifies listeners on every change (for the sync status)', async () => {
    const outbox = fresh();
    let changes = 0;
    outbox.onChange(() => changes++);
    const item = await outbox.add('ask', {});
    await outbox.remove(item.id);
    expect(changes).toBe(2);
  });
});
