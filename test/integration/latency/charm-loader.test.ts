/**
 * The `lib/charm.js` loader (framework/build/charm-loader.ts, made by start-up-tuning.ts): it must run the embedded bundle
 * exactly as Node would run the bundle file (same module scope, `*\/` and non-ASCII text intact),
 * keep a V8 code cache in `<charm dir>/.rxcharm/` (only there, only once, renewed for another
 * bundle), and map stack frames to the sources when source maps are on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { charmLoaderSource } from '../../../framework/build/start-up-tuning';

const LOADER = join(__dirname, '..', '..', '..', 'framework', 'build', 'charm-loader.ts');
import { BUNDLE_FILE, BUNDLE_MAP_FILE, CODE_CACHE_FILE } from '../../../framework/charm';

const SOURCE = `
// Text the loader must carry through untouched.
export const glob = "src/**/*.ts";
export const micro = /(\\d+)(µs|ms)/.exec("5µs")?.[2];
const name = require('node:path').basename(__filename);
console.log(JSON.stringify({ glob, micro, name, main: require.main === module }));

function failHere(): never {
  throw new Error('boom from the bundle');
}
if (process.env.THROW === '1') failHere();
`;

let dir: string;

/** Builds SOURCE (TypeScript) into <charm>/lib/charm.js, charm.bundle.js (+ .map) the way bundleCharm does. */
function buildCharm(charmDir: string, extra = ''): void {
  mkdirSync(join(charmDir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'src.ts'), SOURCE + extra);
  const out = buildSync({
    entryPoints: [join(dir, 'src.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    sourcemap: 'external',
    outfile: join(charmDir, 'lib', 'charm.bundle.js'),
    logLevel: 'silent',
  });
  const code = out.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const map = out.outputFiles.find((f) => f.path.endsWith('.map'))!;
  writeFileSync(join(charmDir, 'lib', 'charm.js'), charmLoaderSource(code.text, LOADER));
  writeFileSync(join(charmDir, BUNDLE_FILE), code.contents);
  writeFileSync(join(charmDir, BUNDLE_MAP_FILE), map.contents);
}

function run(charmDir: string, options: { env?: Record<string, string>; sourceMaps?: boolean } = {}) {
  const args = [...(options.sourceMaps === true ? ['--enable-source-maps'] : []), join(charmDir, 'lib', 'charm.js')];
  return spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...(options.env ?? {}) },
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rxcharm-loader-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('charm loader', () => {
  it('runs the bundle with its text intact and Node module semantics', () => {
    const charm = join(dir, 'charm');
    buildCharm(charm);
    const r = run(charm);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ glob: 'src/**/*.ts', micro: 'µs', name: 'charm.js', main: true });
  });

  it('reads an ASCII bundle as latin1 and any other as UTF-8, with the same result', () => {
    const charm = join(dir, 'charm');
    buildCharm(charm, '\nexport const escaped = /\\u00b5s/.test("\\u00b5s");\n');
    expect(readFileSync(join(charm, 'lib', 'charm.js'), 'utf8')).toContain(`"encoding": "utf8"`);
    expect(charmLoaderSource('var a = "\\u00b5";', LOADER)).toContain(`"encoding": "latin1"`);
    expect(charmLoaderSource('var a = /µ/;', LOADER)).toContain(`"encoding": "utf8"`);
  });

  it('writes the code cache into an existing .rxcharm dir once, reuses it, and renews it for another bundle', () => {
    const charm = join(dir, 'charm');
    buildCharm(charm);
    run(charm);
    const cache = join(charm, CODE_CACHE_FILE);
    expect(existsSync(cache)).toBe(false); // no unit state dir: nothing written outside it
    mkdirSync(join(charm, '.rxcharm'));
    expect(run(charm).status).toBe(0);
    const first = readFileSync(cache);
    expect(first.length).toBeGreaterThan(32);
    const before = statSync(cache).mtimeMs;
    expect(run(charm).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(before); // accepted, not rewritten
    buildCharm(charm, '\nconsole.log("v2");\n');
    const r = run(charm);
    expect(r.stdout).toContain('v2');
    expect(readFileSync(cache).subarray(0, 32).equals(first.subarray(0, 32))).toBe(false);
  });

  it('maps stack frames to the sources when source maps are on, and only then', () => {
    const charm = join(dir, 'charm');
    buildCharm(charm);
    const mapped = run(charm, { env: { THROW: '1' }, sourceMaps: true });
    expect(mapped.status).not.toBe(0);
    expect(mapped.stderr).toContain('boom from the bundle');
    expect(mapped.stderr).toMatch(/at failHere \(.*src\.ts:\d+:\d+\)/);
    const plain = run(charm, { env: { THROW: '1' } });
    expect(plain.stderr).toMatch(/at failHere \(.*charm\.bundle\.js:\d+:\d+\)/);
  });
});
