import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The repository root (the folder whose package.json is ours), from source or from dist/. */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'sasiad')
      return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Sąsiad repository root');
    dir = parent;
  }
}
