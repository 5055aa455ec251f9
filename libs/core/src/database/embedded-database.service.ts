import { Injectable, Logger } from '@nestjs/common';
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

/**
 * The embedded default database (FerretDB with SQLite, see tools/embedded-db), started when no
 * MONGODB_URI is given; DatabaseModule stops it after the Mongoose connection has closed.
 */
@Injectable()
export class EmbeddedDatabase {
  private readonly logger = new Logger(EmbeddedDatabase.name);
  private handle?: EmbeddedDbHandle;

  async start(dataDir: string): Promise<string> {
    const launcher = createRequire(__filename)(
      join(repoRoot(), 'tools', 'embedded-db'),
    ) as EmbeddedDbLauncher;
    const dir = join(dataDir, 'db');
    this.logger.log(`starting the embedded database (FerretDB + SQLite) in ${dir}`);
    this.handle = await launcher.startEmbeddedDb({
      dataDir: dir,
      log: (line) => this.logger.log(line),
    });
    this.logger.log(`embedded database ready on 127.0.0.1:${this.handle.port}`);
    return this.handle.uri;
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) {
      await handle.stop();
      this.logger.log('embedded database stopped');
    }
  }
}
