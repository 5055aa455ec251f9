import { availableParallelism } from 'node:os';
import { PasswordService } from './password.service';

describe('PasswordService', () => {
  it('verifies an unknown account against a dummy hash of the same cost as real ones', async () => {
    const passwords = new PasswordService();
    await passwords.onModuleInit();
    const real = await passwords.hash('Kyiv-to-Lodz-2024');
    const dummy = await (passwords as unknown as { dummyHash: Promise<string> }).dummyHash;
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(real));
    expect(parameters(real)).toBe('argon2id$v=19$m=19456,p=1,t=2');
    expect(await passwords.verify(undefined, 'Kyiv-to-Lodz-2024')).toBe(false);
    expect(await passwords.verify(real, 'Kyiv-to-Lodz-2024')).toBe(true);
  });
  it('runs at most one hash per core at once, the others in arrival order, and real hashes still verify', async () => {
    const service = new PasswordService();
    const inTurn = (
      service as unknown as { inTurn<T>(work: () => Promise<T>): Promise<T> }
    ).inTurn.bind(service);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const jobs = Array.from({ length: 8 }, (_, i) =>
      inTurn(async () => {
        running++;
        most = Math.max(most, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      }),
    );
    const limit = Math.max(1, Math.min(4, availableParallelism()));
    while (order.length < 8) {
      await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBeLessThanOrEqual(limit);
      releases.shift()?.();
    }
    releases.forEach((release) => release());
    await Promise.all(jobs);
    expect(most).toBe(limit);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const hashes = await Promise.all(
      ['a-long-pass-1', 'a-long-pass-2'].map((p) => service.hash(p)),
    );
    expect(await service.verify(hashes[1], 'a-long-pass-2')).toBe(true);
    expect(await service.verify(hashes[0], 'a-long-pass-2')).toBe(false);
  });
});
