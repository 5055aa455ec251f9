import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../paths';

interface EmbeddedDbHandle {
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

interface EmbeddedDbLauncher {
  startEmbeddedDb(options: {
    dataDir?: string;
    memory?: boolean;
    port?: number;
    log?: (line: string) => void;
  }): Promise<EmbeddedDbHandle>;
}

/** The database's name, and so its file: `DATA_DIR/db/sasiad.sqlite`. */
export const EMBEDDED_DB_NAME = 'sasiad';
/** Where a running embedded database says where it listens: `{ uri, pid, ownerPid }`. */
export const EMBEDDED_DB_ADDRESS_FILE = 'embedded-db.json';

interface Address {
  uri: string;
  pid: number;
  ownerPid: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The address of an embedded database running on this data folder, if one is. */
export function runningEmbeddedDb(dataDir: string): Address | undefined {
  const file = join(dataDir, EMBEDDED_DB_ADDRESS_FILE);
  let address: Address;
  try {
    address = JSON.parse(readFileSync(file, 'utf8')) as Address;
  } catch {
    return undefined;
  }
  if (typeof address.uri === 'string' && Number.isInteger(address.pid) && alive(address.pid))
    return address;
  rmSync(file, { force: true }); // left behind by a process that was killed
  return undefined;
}

/**
 * The embedded default database (FerretDB with SQLite, see tools/embedded-db), started when no
 * MONGODB_URI is given; DatabaseModule stops it after the Mongoose connection has closed.
 *
 * One process runs it per data folder and writes its address to `DATA_DIR/embedded-db.json`.
 * A second server on the same folder refuses to start; the command line (`attachToRunning`)
 * works through the running one, so every command still goes through its one-at-a-time proxy.
 */
@Injectable()
export class EmbeddedDatabase {
  /** Set by the command line: use a running server's database instead of refusing. */
  static attachToRunning = false;

  private readonly logger = new Logger(EmbeddedDatabase.name);
  private handle?: EmbeddedDbHandle;
  /** The pid of the server whose database this process works through, if it does. */
  attachedTo?: number;
  private addressFile?: string;

  async start(dataDir: string): Promise<string> {
    const running = runningEmbeddedDb(dataDir);
    if (running) {
      if (!EmbeddedDatabase.attachToRunning)
        throw new Error(
          `another Sąsiad process (pid ${running.ownerPid}) is using the embedded database in ${dataDir}; stop it, or give this one another DATA_DIR`,
        );
      this.attachedTo = running.ownerPid;
      this.logger.log(
        `using the embedded database of the running server (pid ${running.ownerPid}) on ${running.uri}`,
      );
      return `${running.uri.replace(/\/?$/, '/')}${EMBEDDED_DB_NAME}`;
    }
    const launcher = createRequire(__filename)(
      join(repoRoot(), 'tools', 'embedded-db'),
    ) as EmbeddedDbLauncher;
    const dir = join(dataDir, 'db');
    this.migrateDatabaseFile(dir);
    this.logger.log(`starting the embedded database (FerretDB + SQLite) in ${dir}`);
    this.handle = await launcher.startEmbeddedDb({
      dataDir: dir,
      log: (line) => this.logger.log(line),
    });
    this.addressFile = join(dataDir, EMBEDDED_DB_ADDRESS_FILE);
    const address: Address = { uri: this.handle.uri, pid: this.handle.pid, ownerPid: process.pid };
    writeFileSync(this.addressFile, `${JSON.stringify(address)}\n`, { mode: 0o600 });
    this.logger.log(`embedded database ready on 127.0.0.1:${this.handle.port}`);
    return `${this.handle.uri.replace(/\/?$/, '/')}${EMBEDDED_DB_NAME}`;
  }

  /**
   * Before the database had a name of its own, the driver's default made it `test.sqlite`.
   * Renamed once (with SQLite's -wal and -shm files), while nothing has it open.
   */
  private migrateDatabaseFile(dir: string): void {
    const old = join(dir, 'test.sqlite');
    const current = join(dir, `${EMBEDDED_DB_NAME}.sqlite`);
    if (!existsSync(old) || existsSync(current)) return;
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(old + suffix)) renameSync(old + suffix, current + suffix);
    this.logger.log(`renamed the database file ${old} to ${current}`);
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) {
      await handle.stop();
      if (this.addressFile) rmSync(this.addressFile, { force: true });
      this.logger.log('embedded database stopped');
    }
  }
}
