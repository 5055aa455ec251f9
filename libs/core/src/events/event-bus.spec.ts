import { Logger } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { EventBus } from './event-bus';

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('EventBus.on', () => {
  it('runs a handler for each event of its topic until it is switched off', async () => {
    const bus = new EventBus(new PubSub());
    const seen: unknown[] = [];
    const id = await bus.on<{ n: number }>('t', (e) => void seen.push(e.n));
    await bus.publish('t', { n: 1 });
    await bus.publish('other', { n: 2 });
    await tick();
    bus.off(id);
    await bus.publish('t', { n: 3 });
    await tick();
    expect(seen).toEqual([1]);
  });

  it('logs a failing handler by error name only, and keeps delivering', async () => {
    const bus = new EventBus(new PubSub());
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    await bus.on<{ n: number; secret: string }>('t', async (e) => {
      if (e.n === 1) throw new TypeError(`bad ${e.secret}`);
      seen.push(e.n);
    });
    await bus.publish('t', { n: 1, secret: 'Алесь' });
    await bus.publish('t', { n: 2, secret: 'x' });
    await tick();
    expect(seen).toEqual([2]);
    expect(logged).toHaveBeenCalledWith({ topic: 't', err: 'TypeError' }, 'event handler failed');
    expect(JSON.stringify(logged.mock.calls)).not.toContain('Алесь');
    logged.mockRestore();
  });
});
