import { INestApplicationContext } from '@nestjs/common';
import { ForumSeedService } from '@sasiad/forums';
import type { CliIo } from './cli';

export const SEED_FORUMS_USAGE = `Usage: npm run cli -- seed-forums
  Loads the Active Residents Forums of the six Białystok housing estates (Bema, Tysiąclecia,
  Przyjaźń, Piasta, Białostoczek, TBS) as sample data, with descriptions in pl, uk, be and ru.
  A forum seeded before (same key) is left as it is. Facilitators are assigned by an admin
  afterwards (setForumRole).`;

/** `seed-forums`: creates the sample forums that do not exist yet. Returns the exit code. */
export async function seedForums(
  args: string[],
  io: CliIo,
  createContext: () => Promise<INestApplicationContext>,
): Promise<number> {
  if (args.length > 0) {
    io.err(SEED_FORUMS_USAGE);
    return 2;
  }
  const app = await createContext();
  try {
    for (const outcome of await app.get(ForumSeedService).seed())
      io.out(
        outcome.status === 'created'
          ? `created forum ${outcome.key} (id ${outcome.id})`
          : `skipped forum ${outcome.key}: already seeded (id ${outcome.id})`,
      );
    return 0;
  } catch (error) {
    io.err(`Seeding stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    await app.close();
  }
}
