import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');

/** One finished command. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A charm author's machine in miniature: a temporary directory outside the checkout, the packed
 * rxcharm tarball in it, and an environment without this repository's npm or rxcharm settings.
 * Dispose it to remove the directory.
 */
export interface AuthorWorkspace {
  /** The temporary directory (the project is created inside it by the test). */
  readonly dir: string;
  /** Absolute path of the packed rxcharm tarball inside `dir`. */
  readonly tarball: string;
  /** Runs a command with a shell in `cwd` (relative to `dir`). */
  sh(command: string, cwd?: string): Promise<CommandRun>;
  [Symbol.dispose](): void;
}

/** How an author's shell is set up. */
export interface AuthorOptions {
  /** Let the local agent give units their own addresses on its bridge, as on an author's machine. */
  readonly unitNetwork?: boolean;
}

/**
 * The environment an author's shell has: this process's, minus what `npm test` and the repo's
 * own settings put there (npm_* variables, the model, layer search paths). The npm cache stays
 * the user's, so installs reuse it.
 */
export function authorEnv(options: AuthorOptions = {}): NodeJS.ProcessEnv {
  const drop =
    /^(npm_|RXCHARM_MODEL$|LAYER_PATH$|INTERFACE_PATH$|CHARM_LAYERS_DIR$|CHARM_INTERFACES_DIR$|JEST_|NODE_OPTIONS$)/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !drop.test(key)));
  return {
    ...env,
    // A fixed unit address unless the unit network is asked for: the local agent then needs no
    // address of the host's, and makes no bridge.
    ...(options.unitNetwork === true ? {} : { RXCHARM_UNIT_ADDRESS: '10.9.8.7' }),
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Runs `command` with `sh -c` in `cwd`; never throws, the exit code is in the result. */
export function sh(command: string, cwd: string, timeoutMs = 600_000, env = authorEnv()): Promise<CommandRun> {
  return new Promise((done) => {
    execFile(
      'sh',
      ['-c', command],
      { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code =
          error === null
            ? 0
            : typeof (error as { code?: unknown }).code === 'number'
              ? (error as { code: number }).code
              : -1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Packs this repository (`npm pack`, as a release would; dist/ is built by `npm run build`, which
 * `npm test` runs first) into a new temporary directory outside the checkout.
 */
export async function authorWorkspace(prefix: string, options: AuthorOptions = {}): Promise<AuthorWorkspace> {
  if (!existsSync(join(REPO, 'dist', 'lib', 'index.js')) || !existsSync(join(REPO, 'dist', 'types', 'index.d.ts'))) {
    throw new Error('dist/ is not built: run npm run build first');
  }
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `rxcharm-author-${prefix}-`)));
  const pack = await sh(`npm pack --ignore-scripts --silent --pack-destination ${JSON.stringify(dir)}`, REPO);
  if (pack.code !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball to ${dir}`);
  return {
    dir,
    tarball: join(dir, tarball),
    sh: (command, cwd = '.') => sh(command, resolve(dir, cwd), undefined, authorEnv(options)),
    [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Paths under `dir` (node_modules included) that resolve into this checkout: there must be none. */
export function linksIntoRepo(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string, depth: number): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          continue;
        }
        if (target === REPO || target.startsWith(`${REPO}/`)) found.push(full);
      } else if (entry.isDirectory() && depth < 3) {
        walk(full, depth + 1);
      }
    }
  };
  walk(dir, 0);
  return found;
}
