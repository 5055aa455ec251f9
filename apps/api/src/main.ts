import { Logger } from 'nestjs-pino';
import { resolve } from 'node:path';
import { AppConfig, ConfigValidationError, runningEmbeddedDb, validateEnv } from '@sasiad/core';
import { createApp } from './bootstrap';
import { stopGracefullyOnSigterm, trackRequestsInFlight } from './graceful-stop';

async function main() {
  try {
    const env = validateEnv(process.env);
    const running = env.MONGODB_URI ? undefined : runningEmbeddedDb(resolve(env.DATA_DIR));
    if (running) {
      process.stderr.write(
        `Sąsiad cannot start: another Sąsiad process (pid ${running.ownerPid}) is using the embedded database in ${resolve(env.DATA_DIR)}. Stop it, or give this one another DATA_DIR.\n`,
      );
      process.exit(1);
    }
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`Sąsiad cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp();
  const config = app.get(AppConfig);
  const logger = app.get(Logger);
  const requests = trackRequestsInFlight(app.getHttpAdapter().getInstance());
  stopGracefullyOnSigterm(app, requests, (message) => logger.log(message));
  await app.listen(config.env.PORT, config.env.HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  // The last line of the start-up: where everything is.
  logger.log(
    `Sąsiad is ready. API: ${url}/graphql · GraphiQL: ${config.env.GRAPHIQL ? `${url}/graphiql` : 'off'} · app: ${url}/`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Sąsiad failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
