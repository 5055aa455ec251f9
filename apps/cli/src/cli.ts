import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DomainException, EmbeddedDatabase, Role } from '@sasiad/core';
import { UsersService } from '@sasiad/identity';
import { CliModule } from './cli.module';
import { explain } from './explain';
import { SEED_USAGE, seedCurriculum } from './seed-curriculum.command';
import { SEED_FORUMS_USAGE, seedForums } from './seed-forums.command';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Reads the password without echo (TTY) or from standard input. */
  readSecret: (prompt: string) => Promise<string>;
}

const USAGE = `Usage: npm run cli -- create-admin --email <email> [--name <display name>]
  The password is read from the SASIAD_ADMIN_PASSWORD environment variable or from standard input.
  There is no default password.`;

/**
 * Without MONGODB_URI, a server running on the same DATA_DIR is used through its embedded
 * database (never a second database process on the same files); otherwise the command starts
 * its own for its run.
 */
const createContext = async (io?: CliIo) => {
  EmbeddedDatabase.attachToRunning = true;
  const app = await NestFactory.createApplicationContext(CliModule, {
    logger: ['error', 'warn'],
  });
  const server = app.get(EmbeddedDatabase).attachedTo;
  if (server !== undefined && io)
    io.err(`Working through the database of the running server (pid ${server}).`);
  return app;
};

/** Runs one command and returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'seed-curriculum') return seedCurriculum(rest, io, () => createContext(io));
  if (command === 'seed-forums') return seedForums(rest, io, () => createContext(io));
  if (command !== 'create-admin') {
    io.err(`${USAGE}\n${SEED_USAGE}\n${SEED_FORUMS_USAGE}`);
    return 2;
  }
  return createAdmin(rest, io);
}

async function createAdmin(rest: string[], io: CliIo): Promise<number> {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' } },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
    io.err(`--email is required and must be an e-mail address.\n${USAGE}`);
    return 2;
  }
  // NFC as the API does, so the admin can sign in with the same typed password.
  const password = (
    process.env.SASIAD_ADMIN_PASSWORD ?? (await io.readSecret('Password for the new admin: '))
  ).normalize('NFC');
  const name = values.name?.normalize('NFC').trim();
  if (name !== undefined && (name.length < 1 || name.length > 80)) {
    io.err('--name must be 1 to 80 characters long.');
    return 2;
  }
  if (password.length < 10 || password.length > 128) {
    io.err('The password must be 10 to 128 characters long.');
    return 2;
  }
  const app = await createContext(io);
  try {
    const user = await app.get(UsersService).create({
      login: values.email,
      loginKind: 'email',
      password,
      roles: [Role.admin],
      displayName: name,
    });
    io.out(`Created admin ${user.login} (id ${user.id}).`);
    return 0;
  } catch (error) {
    io.err(
      error instanceof DomainException
        ? `Could not create the admin (${error.code}): ${explain(app, error)}`
        : `Could not create the admin: ${(error as Error).message}`,
    );
    return 1;
  } finally {
    await app.close();
  }
}
