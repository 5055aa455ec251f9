import { INestApplicationContext } from '@nestjs/common';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CurriculumSeedService,
  defaultCurriculumDir,
  formatProblem,
  loadCurriculum,
  SeedOutcome,
} from '@sasiad/academy';
import { AuthUser, DomainException, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import type { CliIo } from './cli';
import { explain } from './explain';

export const SEED_USAGE = `Usage: npm run cli -- seed-curriculum --as <staff or admin login> [--dir <path>] [--draft] [--update]
  Loads every <key>.json course of the directory (default: libs/academy/curriculum) through the
  academy's authoring services, as the given account, and publishes it (--draft: leaves it a draft).
  Every file is checked first; if any is invalid, nothing is written. Courses seeded before are
  skipped; --update rewrites their texts and settings from the files instead (same structure only)
  and marks them as sample content again.`;

function describe(r: SeedOutcome): string {
  switch (r.status) {
    case 'created':
      return `created ${r.key}: ${r.modules} module(s), ${r.lessons} lessons, ${r.questions} quiz questions, ${r.state} (id ${r.courseId})`;
    case 'skipped':
      return `skipped ${r.key}: already seeded (id ${r.courseId}, ${r.state})`;
    case 'updated':
      return `updated ${r.key}: texts and settings of ${r.modules} module(s), ${r.lessons} lessons and ${r.questions} quiz questions rewritten from the file, marked as sample content again (id ${r.courseId}, ${r.state})`;
    case 'restructured':
      return `restructured ${r.key}: the file's quiz questions (count, kind or correct options) no longer match the seeded course (id ${r.courseId}); --update changes texts and settings only, so nothing was written to it`;
    case 'incomplete':
      return `incomplete ${r.key}: seeded before (id ${r.courseId}) but has ${r.modules} module(s) and ${r.lessons} lessons where the file has ${r.expected?.modules} and ${r.expected?.lessons}, or a module lacks its quiz: an earlier run stopped half-way, or the file's structure changed; complete or archive the course by hand`;
  }
}

/**
 * `seed-curriculum`: validate all files, then (only if all are valid) resolve the acting account
 * and seed each course. Returns the exit code.
 */
export async function seedCurriculum(
  args: string[],
  io: CliIo,
  createContext: () => Promise<INestApplicationContext>,
): Promise<number> {
  let values: { as?: string; dir?: string; draft?: boolean; update?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        as: { type: 'string' },
        dir: { type: 'string' },
        draft: { type: 'boolean' },
        update: { type: 'boolean' },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${SEED_USAGE}`);
    return 2;
  }
  if (!values.as?.trim()) {
    io.err(
      `--as is required: the login of the staff or admin account the seed acts as.\n${SEED_USAGE}`,
    );
    return 2;
  }
  const dir = values.dir ? resolve(values.dir) : defaultCurriculumDir();
  const loaded = loadCurriculum(dir);
  if (loaded.problems.length > 0) {
    io.err(`The curriculum in ${dir} is invalid; nothing was written:`);
    for (const problem of loaded.problems) io.err(`  ${formatProblem(problem)}`);
    return 1;
  }
  const app = await createContext();
  try {
    const account = await app.get(UsersService).findByLogin(values.as);
    const roles = account?.roles ?? [];
    if (
      !account ||
      account.status !== 'active' ||
      !roles.some((r) => r === Role.staff || r === Role.admin)
    ) {
      io.err(
        `--as ${values.as}: no active staff or admin account with this login; nothing was written.`,
      );
      return 1;
    }
    const by: AuthUser = {
      id: account._id.toHexString(),
      roles,
      preferredLanguage: account.preferredLanguage,
    };
    const seeder = app.get(CurriculumSeedService);
    let failed = 0;
    for (const { course } of loaded.courses) {
      const outcome = await seeder.seed(course, by, { draft: values.draft, update: values.update });
      if (outcome.status === 'incomplete' || outcome.status === 'restructured') {
        failed++;
        io.err(describe(outcome));
      } else io.out(describe(outcome));
    }
    return failed > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof DomainException) {
      io.err(`Seeding stopped (${error.code}): ${explain(app, error)}`);
      for (const f of error.fields) io.err(`  ${f.field}: ${f.constraint}`);
    } else io.err(`Seeding stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    await app.close();
  }
}
