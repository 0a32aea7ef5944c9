/**
 * The generated `dispatch` choosing Node.js, run by sh with stub `node`, `snap` and `apt-get` on
 * PATH that record their arguments (no real Node.js, snapd or apt is reached).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchScript } from './hook-scripts';

const UTILITIES = ['sh', 'dirname', 'grep', 'mkdir', 'cat', 'chmod'];

interface Machine {
  readonly dir: string;
  readonly charmDir: string;
  readonly bin: string;
  /** Lines `<tool> <args>` the stubs recorded. */
  calls(): string[];
  run(): { code: number; stderr: string };
}

/** A stub that records its argv; `node` answers the version check from `node-version`. */
function stub(bin: string, name: string, body = ''): void {
  const path = join(bin, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "$STUB_LOG"\n${body}\n`);
  chmodSync(path, 0o755);
}

function nodeStub(bin: string, dir: string): void {
  // The version check runs `node -e ...`; the charm runs `node --enable-source-maps lib/charm.js`.
  stub(bin, 'node', `if [ "$1" = -e ]; then cat "${dir}/node-version"; fi`);
}

function machine(options: { node?: number; snap?: boolean; aptGet?: boolean; installNode?: boolean }): Machine {
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-dispatch-'));
  const charmDir = join(dir, 'charm');
  const bin = join(dir, 'bin');
  const utils = join(dir, 'utils');
  mkdirSync(charmDir);
  mkdirSync(bin);
  mkdirSync(utils);
  for (const tool of UTILITIES) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, join(utils, tool));
  }
  writeFileSync(
    join(charmDir, 'dispatch'),
    dispatchScript({ charmName: 'app', installNode: options.installNode ?? true, packages: [] }),
  );
  chmodSync(join(charmDir, 'dispatch'), 0o755);
  if (options.node !== undefined) {
    writeFileSync(join(dir, 'node-version'), String(options.node));
    nodeStub(bin, dir);
  }
  // snap installs Node.js 22: the stub node now reports 22 (and exists if it did not).
  if (options.snap === true) stub(bin, 'snap', `echo 22 > "${dir}/node-version"\n${nodeStubCommand(bin, dir)}`);
  if (options.aptGet === true) stub(bin, 'apt-get');
  const log = join(dir, 'calls.log');
  return {
    dir,
    charmDir,
    bin,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
    run: () => {
      const out = spawnSync(join(charmDir, 'dispatch'), [], {
        env: { PATH: `${bin}:${utils}`, STUB_LOG: log, JUJU_CHARM_DIR: charmDir },
        encoding: 'utf8',
      });
      return { code: out.status ?? -1, stderr: out.stderr };
    },
  };
}

/** Shell lines that (re)create the node stub, for the snap stub to run. */
function nodeStubCommand(bin: string, dir: string): string {
  return [
    `printf '%s\\n' '#!/bin/sh' 'echo "node $*" >> "$STUB_LOG"' 'if [ "$1" = -e ]; then cat "${dir}/node-version"; fi' > "${bin}/node"`,
    `chmod 755 "${bin}/node"`,
  ].join('\n');
}

describe('dispatch: Node.js on the machine', () => {
  const made: Machine[] = [];
  const make = (options: Parameters<typeof machine>[0]): Machine => {
    const m = machine(options);
    made.push(m);
    return m;
  };
  afterAll(() => {
    for (const m of made) rmSync(m.dir, { recursive: true, force: true });
  });

  it('runs the charm on Node.js 22 and installs nothing; the check is not repeated', () => {
    const m = make({ node: 22, snap: true, aptGet: true });
    expect(m.run().code).toBe(0);
    expect(m.run().code).toBe(0);
    const calls = m.calls();
    expect(calls.filter((c) => c.startsWith('node -e'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('node --enable-source-maps'))).toHaveLength(2);
    expect(calls.some((c) => c.startsWith('snap') || c.startsWith('apt-get'))).toBe(false);
  });

  it('installs the node snap when Node.js is too old (Ubuntu 22.04 ships 12)', () => {
    const m = make({ node: 12, snap: true, aptGet: true });
    const out = m.run();
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('needs Node.js 18 or later, and the Node.js on this machine is older');
    expect(m.calls().filter((c) => !c.startsWith('node -e'))).toEqual([
      'snap install node --classic --channel=22/stable',
      `node --enable-source-maps ${m.charmDir}/lib/charm.js`,
    ]);
  });

  it('fails naming what to install when Node.js is too old and there is no snap (apt-get would bring the same)', () => {
    const m = make({ node: 12, aptGet: true });
    const out = m.run();
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(
      'install Node.js 18 or later on this machine and retry the hook: snap install node --classic --channel=22/stable',
    );
    expect(m.calls().some((c) => c.startsWith('apt-get') || c.includes('charm.js'))).toBe(false);
  });

  it('installs the snap when Node.js is missing, and only explains when install-node is off', () => {
    const missing = make({ snap: true, aptGet: true });
    expect(missing.run().code).toBe(0);
    expect(missing.calls()[0]).toBe('snap install node --classic --channel=22/stable');
    const off = make({ snap: true, installNode: false });
    const out = off.run();
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("no 'node' was found on PATH");
    expect(out.stderr).toContain('basic.install-node: true');
    expect(off.calls()).toEqual([]);
  });
});
