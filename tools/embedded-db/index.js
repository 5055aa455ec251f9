'use strict';

// Node wrapper for the embedded database (FerretDB 1.24.2 + SQLite, see README.md).
// Plain CommonJS, Node built-ins only.

const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const ROOT = __dirname;
const BIN_DIR = path.join(ROOT, 'bin');
const BIN_NAME = 'sasiad-embedded-db' + (process.platform === 'win32' ? '.exe' : '');
const HASH_FILE = path.join(BIN_DIR, '.build-hash');
const LOCK_FILE = path.join(BIN_DIR, '.build.lock');

// No PostgreSQL backend (smaller binary, faster build); no debug info; no VCS stamping
// (the module lives inside the project's git repository).
const GO_BUILD_FLAGS = [
  '-trimpath',
  '-buildvcs=false',
  '-tags',
  'ferretdb_no_postgresql',
  '-ldflags',
  '-s -w',
];

const READY_TIMEOUT_MS = 60_000;
const STOP_KILL_AFTER_MS = 10_000;
const LOCK_STALE_MS = 30 * 60_000;
const PROGRESS_EVERY_MS = 15_000;

const GO_MISSING = 'Go is needed only for the embedded database; install Go or set MONGODB_URI';

/** Absolute path of the built launcher binary. */
function binaryPath() {
  return path.join(BIN_DIR, BIN_NAME);
}

// go.mod, go.sum and every .go file (main.go, proxy.go)
function sourceFiles() {
  const goFiles = fs.readdirSync(ROOT).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
  return ['go.mod', 'go.sum', ...goFiles.sort()];
}

function sourceHash() {
  const h = crypto.createHash('sha256');
  for (const name of sourceFiles()) {
    h.update(`${name}\0`);
    h.update(fs.readFileSync(path.join(ROOT, name)));
    h.update('\0');
  }
  h.update(`flags\0${JSON.stringify(GO_BUILD_FLAGS)}\0${process.platform}-${process.arch}`);
  return h.digest('hex');
}

function isUpToDate(hash) {
  try {
    return fs.statSync(binaryPath()).isFile() && fs.readFileSync(HASH_FILE, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Takes bin/.build.lock (waits while another live process holds it). Returns a release function. */
async function acquireLock(log) {
  let announced = false;
  for (;;) {
    try {
      const fd = fs.openSync(LOCK_FILE, 'wx');
      fs.writeSync(
        fd,
        JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString() }),
      );
      fs.closeSync(fd);
      return () => fs.rmSync(LOCK_FILE, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }

    let holder = null;
    let stale = false;
    try {
      const raw = fs.readFileSync(LOCK_FILE, 'utf8');
      const st = fs.statSync(LOCK_FILE);
      holder = JSON.parse(raw);
      stale =
        Date.now() - st.mtimeMs > LOCK_STALE_MS ||
        (holder.host === os.hostname() && Number.isInteger(holder.pid) && !pidAlive(holder.pid));
      if (stale) {
        // remove it only if it is still the lock we judged stale
        if (fs.readFileSync(LOCK_FILE, 'utf8') === raw) fs.rmSync(LOCK_FILE, { force: true });
        continue;
      }
    } catch (err) {
      if (err.code === 'ENOENT') continue; // released meanwhile
      if (err instanceof SyntaxError) {
        // being written right now, or garbage: judge by age
        try {
          if (Date.now() - fs.statSync(LOCK_FILE).mtimeMs > 10_000)
            fs.rmSync(LOCK_FILE, { force: true });
        } catch {
          /* gone */
        }
      } else {
        throw err;
      }
    }

    if (!announced) {
      log(
        `embedded-db: waiting for another process${holder ? ` (pid ${holder.pid})` : ''} that is building the launcher…`,
      );
      announced = true;
    }
    await sleep(500);
  }
}

function checkGo() {
  const res = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (res.error) {
    if (res.error.code === 'ENOENT')
      throw new Error(`${GO_MISSING} (\`go\` was not found on PATH).`);
    throw new Error(`${GO_MISSING} (running \`go version\` failed: ${res.error.message}).`);
  }
  if (res.status !== 0) {
    throw new Error(
      `${GO_MISSING} (\`go version\` exited with ${res.status}: ${(res.stderr || '').trim()}).`,
    );
  }
  return res.stdout.trim();
}

function runGoBuild(out, log) {
  return new Promise((resolve, reject) => {
    const args = ['build', '-v', ...GO_BUILD_FLAGS, '-o', out, '.'];
    const child = spawn('go', args, {
      cwd: ROOT,
      env: { ...process.env, GOWORK: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

    const tail = [];
    const onLine = (line) => {
      if (!line) return;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      log(`embedded-db:   ${line}`);
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);

    const started = Date.now();
    const timer = setInterval(() => {
      log(`embedded-db: still building… ${Math.round((Date.now() - started) / 1000)} s`);
    }, PROGRESS_EVERY_MS);

    child.on('error', (err) => {
      clearInterval(timer);
      reject(
        err.code === 'ENOENT' ? new Error(`${GO_MISSING} (\`go\` was not found on PATH).`) : err,
      );
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      if (code === 0) return resolve();
      reject(
        new Error(
          `embedded-db: \`go ${args.join(' ')}\` in ${ROOT} failed (${signal || `exit code ${code}`}).\n` +
            `Last output:\n${tail.join('\n')}\n` +
            '(Go is needed only for the embedded database; alternatively set MONGODB_URI.)',
        ),
      );
    });
  });
}

/**
 * Builds bin/sasiad-embedded-db unless it exists and was built from the current
 * go.mod + go.sum + *.go (hash kept in bin/.build-hash). Safe to call from several
 * processes at once (lock file + build into a temp file + atomic rename).
 * Resolves to the binary path.
 */
async function ensureBuilt({ log = console.error, force = false } = {}) {
  const hash = sourceHash();
  if (!force && isUpToDate(hash)) return binaryPath();

  fs.mkdirSync(BIN_DIR, { recursive: true });
  const release = await acquireLock(log);
  const tmp = path.join(BIN_DIR, `.${BIN_NAME}.${process.pid}.tmp`);
  try {
    // another process may have built it while we waited for the lock
    if (!force && isUpToDate(hash)) return binaryPath();

    const goVersion = checkGo();
    const first = !fs.existsSync(binaryPath());
    log(
      `embedded-db: building FerretDB launcher (${first ? 'first run' : 'sources changed'}, ` +
        `takes a few minutes; ${goVersion})…`,
    );
    const started = Date.now();
    await runGoBuild(tmp, log);
    fs.renameSync(tmp, binaryPath());
    const hashTmp = `${HASH_FILE}.${process.pid}.tmp`;
    fs.writeFileSync(hashTmp, `${hash}\n`);
    fs.renameSync(hashTmp, HASH_FILE);
    log(`embedded-db: built ${binaryPath()} in ${Math.round((Date.now() - started) / 1000)} s`);
    return binaryPath();
  } finally {
    fs.rmSync(tmp, { force: true });
    release();
  }
}

/**
 * Starts the embedded database on 127.0.0.1.
 *
 * @param {object} [opts]
 * @param {string} [opts.dataDir] directory for the SQLite files (required unless memory)
 * @param {boolean} [opts.memory=false] keep everything in memory instead
 * @param {number} [opts.port=0] TCP port; 0 picks a free one
 * @param {string} [opts.logLevel='error'] FerretDB log level (debug, info, warn, error); warn logs every
 *   error reply (duplicate keys, unsupported features, endSessions) in full
 * @param {(line: string) => void} [opts.log=console.error] receives progress and FerretDB's log lines
 * @returns {Promise<{uri: string, port: number, pid: number, stop: () => Promise<void>, exited: Promise<{code: number|null, signal: string|null}>}>}
 */
async function startEmbeddedDb({
  dataDir,
  memory = false,
  port = 0,
  logLevel = 'error',
  log = console.error,
} = {}) {
  if (!memory && !dataDir) throw new Error('startEmbeddedDb: pass { dataDir } or { memory: true }');
  if (memory && dataDir)
    throw new Error('startEmbeddedDb: pass either { dataDir } or { memory: true }, not both');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`startEmbeddedDb: invalid port ${port}`);

  const bin = await ensureBuilt({ log });

  const args = ['-listen', `127.0.0.1:${port}`, '-log-level', logLevel, '-exit-on-stdin-eof'];
  if (memory) args.push('-memory');
  else args.push('-data-dir', path.resolve(dataDir));

  // stdin stays an open pipe: when this process dies, the child sees EOF and exits.
  // detached: a process group of its own, so a terminal's Ctrl+C (SIGINT to the foreground
  // group) reaches only the parent, which then stops the database after its last query.
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  child.stdin.on('error', () => {}); // EPIPE if the child is gone

  const stderrTail = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log(`embedded-db: ${line}`);
  });

  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const killOnExit = () => child.kill('SIGTERM'); // graceful; the child stops on its own
  process.once('exit', killOnExit);
  exited.then(() => process.removeListener('exit', killOnExit));

  const tailText = () => (stderrTail.length ? stderrTail.join('\n') : '(no stderr output)');

  let ready;
  try {
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new Error(
            `embedded-db: not ready within ${READY_TIMEOUT_MS / 1000} s (${bin} ${args.join(' ')}); last stderr lines:\n${tailText()}`,
          ),
        );
      }, READY_TIMEOUT_MS);

      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        const m = /^READY (mongodb:\/\/\S+)$/.exec(line.trim());
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        } else if (line.trim()) {
          log(`embedded-db: ${line}`);
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`embedded-db: cannot start ${bin}: ${err.message}`));
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        // stderr may still be draining; give readline a moment
        setImmediate(() =>
          reject(
            new Error(
              `embedded-db: exited before it was ready (${signal || `exit code ${code}`}); last stderr lines:\n${tailText()}`,
            ),
          ),
        );
      });
    });
  } catch (err) {
    if (child.pid !== undefined) await Promise.race([exited, sleep(STOP_KILL_AFTER_MS)]);
    throw err;
  }

  const uri = ready;
  const actualPort = Number(new URL(uri).port);

  // Do not keep the event loop alive just for the database: if the parent ends without stop(),
  // stdin closes and the child exits on its own.
  const handles = [child, child.stdin, child.stdout, child.stderr];
  for (const h of handles) h.unref?.();

  let exitedFlag = false;
  let stopping = null;
  exited.then(({ code, signal }) => {
    exitedFlag = true;
    if (!stopping) log(`embedded-db: exited unexpectedly (${signal || `exit code ${code}`})`);
  });

  function stop() {
    if (stopping) return stopping;
    stopping = (async () => {
      if (exitedFlag) return;
      for (const h of handles) h.ref?.(); // keep the process alive until the child has exited
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        log(`embedded-db: did not stop within ${STOP_KILL_AFTER_MS / 1000} s, sending SIGKILL`);
        child.kill('SIGKILL');
      }, STOP_KILL_AFTER_MS);
      await exited;
      clearTimeout(timer);
      for (const h of handles) h.unref?.();
    })();
    return stopping;
  }

  // exited: resolves with { code, signal } when the process ends, stopped or not (a supervisor
  // restarts it on an unexpected exit).
  return { uri, port: actualPort, pid: child.pid, stop, exited };
}

module.exports = { binaryPath, ensureBuilt, startEmbeddedDb };
