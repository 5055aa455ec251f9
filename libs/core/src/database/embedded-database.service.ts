import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { logFailure } from '../logging/log-failure';
import { repoRoot } from '../paths';
import { nextRestartDelay } from './restart-policy';

interface EmbeddedDbHandle {
  uri: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
  exited: Promise<{ code: number | null; signal: string | null }>;
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
    const dir = join(dataDir, 'db');
    this.migrateDatabaseFile(dir);
    this.logger.log(`starting the embedded database (FerretDB + SQLite) in ${dir}`);
    this.addressFile = join(dataDir, EMBEDDED_DB_ADDRESS_FILE);
    const handle = await this.launch(dir, 0);
    this.logger.log(`embedded database ready on 127.0.0.1:${handle.port}`);
    return `${handle.uri.replace(/\/?$/, '/')}${EMBEDDED_DB_NAME}`;
  }

  /** The database process's id (tests kill it to prove recovery). */
  get pid(): number | undefined {
    return this.handle?.pid;
  }

  /**
   * False once the database died and could not be restarted (see restart-policy.ts): liveness
   * then fails, so that whatever runs the server restarts the whole process.
   */
  recoverable = true;
  private deaths: number[] = [];
  private restartWaiters: (() => void)[] = [];
  private stopping = false;

  /** Resolves after the next restart of a database that died. */
  whenRestarted(): Promise<void> {
    return new Promise((resolve) => this.restartWaiters.push(resolve));
  }

  private async launch(dir: string, port: number): Promise<EmbeddedDbHandle> {
    const launcher = createRequire(__filename)(
      join(repoRoot(), 'tools', 'embedded-db'),
    ) as EmbeddedDbLauncher;
    const handle = await launcher.startEmbeddedDb({
      dataDir: dir,
      port,
      log: (line) => this.logger.log(line),
    });
    this.handle = handle;
    const address: Address = { uri: handle.uri, pid: handle.pid, ownerPid: process.pid };
    writeFileSync(this.addressFile!, `${JSON.stringify(address)}\n`, { mode: 0o600 });
    void handle.exited.then(() => {
      if (this.handle === handle && !this.stopping) void this.restart(dir, handle.port);
    });
    return handle;
  }

  /**
   * The database died under the server: start it again on the same port and data (the driver
   * reconnects by itself; every acknowledged write is in SQLite), waiting longer after each
   * death; after too many, give up and let liveness fail.
   */
  private async restart(dir: string, port: number): Promise<void> {
    for (;;) {
      this.deaths.push(Date.now());
      const wait = nextRestartDelay(this.deaths, Date.now());
      if (wait === null) {
        this.recoverable = false;
        this.logger.error('the embedded database keeps dying: giving up, liveness now fails');
        return;
      }
      this.logger.warn(`the embedded database exited; restarting it in ${wait} ms`);
      await delay(wait, undefined, { ref: false });
      if (this.stopping) return;
      try {
        await this.launch(dir, port);
        this.logger.log(`embedded database restarted on 127.0.0.1:${port}`);
        for (const resolve of this.restartWaiters.splice(0)) resolve();
        return;
      } catch (error) {
        logFailure(this.logger, 'embedded database restart', error);
      }
    }
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
    this.stopping = true;
    const handle = this.handle;
    this.handle = undefined;
    if (handle) {
      await handle.stop();
      if (this.addressFile) rmSync(this.addressFile, { force: true });
      this.logger.log('embedded database stopped');
    }
  }
}
