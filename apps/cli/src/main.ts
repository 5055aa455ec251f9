import { createInterface } from 'node:readline';
import { ConfigValidationError, validateEnv } from '@sasiad/core';
import { runCli } from './cli';

function readSecret(prompt: string): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY,
  });
  return new Promise((resolve) => {
    if (process.stdin.isTTY) {
      process.stderr.write(prompt);
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
    }
    rl.once('line', (line) => {
      rl.close();
      if (process.stdin.isTTY) process.stderr.write('\n');
      resolve(line);
    });
    rl.once('close', () => resolve(''));
  });
}

async function main() {
  try {
    validateEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const code = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readSecret,
  });
  process.exit(code);
}

void main();
