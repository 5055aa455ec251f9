import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigValidationError, validateEnv } from '@sasiad/core';
import { createApp } from './bootstrap';

async function main() {
  try {
    validateEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`Sąsiad cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.env.PORT, config.env.HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  // The last line of the start-up: where everything is.
  app
    .get(Logger)
    .log(
      `Sąsiad is ready. API: ${url}/graphql · GraphiQL: ${config.env.GRAPHIQL ? `${url}/graphiql` : 'off'} · app: ${url}/`,
    );
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Sąsiad failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
