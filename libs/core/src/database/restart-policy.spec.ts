import { nextRestartDelay, RESTART_WINDOW_MS } from './restart-policy';

describe('nextRestartDelay', () => {
  const now = 50 * RESTART_WINDOW_MS;
  const deaths = (n: number) => Array.from({ length: n }, (_, i) => now - i * 1000);

  it('restarts at once, then waits longer each time', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextRestartDelay(deaths(n), now))).toEqual([
      0, 1000, 2000, 4000, 8000,
    ]);
  });

  it('gives up after too many deaths within the window', () => {
    expect(nextRestartDelay(deaths(6), now)).toBeNull();
  });

  it('forgets deaths older than the window', () => {
    const old = Array.from({ length: 6 }, () => now - RESTART_WINDOW_MS - 1);
    expect(nextRestartDelay([...old, now], now)).toBe(0);
  });
});
