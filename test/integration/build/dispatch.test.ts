import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatchScript, hookStub } from '../../../framework/build';
import { tempDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const debianLike =
  existsSync('/etc/os-release') && /^(ID|ID_LIKE)=.*(debian|ubuntu)/im.test(readFileSync('/etc/os-release', 'utf8'));

/** A charm dir with dispatch, one hook stub and a lib/charm.js that echoes what it was run as. */
function charm(root: string, options: { installNode: boolean; packages?: string[] }): string {
  const dir = join(root, 'charm');
  mkdirSync(join(dir, 'hooks'), { recursive: true });
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'dispatch'),
    dispatchScript({ charmName: 'demo', installNode: options.installNode, packages: options.packages ?? [] }),
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'hooks', 'install'), hookStub('hooks/install'), { mode: 0o755 });
  writeFileSync(join(dir, 'lib', 'charm.js'), 'console.log(`ran ${process.env.JUJU_DISPATCH_PATH}`);\n');
  return dir;
}

/** A bin dir with the few tools dispatch uses but no node; optionally a fake apt-get. */
function binWithoutNode(root: string, fakeApt: boolean): string {
  const bin = join(root, 'bin');
  mkdirSync(bin);
  for (const tool of ['dirname', 'grep', 'mkdir', 'cat'])
    symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
  if (fakeApt) {
    // Records its arguments; "installing" nodejs links the real node into this bin dir.
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/sh\necho "$*" >> "${join(root, 'apt.log')}"\ncase "$*" in *nodejs*) "${spawnSync('sh', ['-c', 'command -v ln'], { encoding: 'utf8' }).stdout.trim()}" -sf "${process.execPath}" "${join(bin, 'node')}";; esac\n`,
      { mode: 0o755 },
    );
  }
  return bin;
}

const run = (dir: string, path: string, extraEnv: Record<string, string> = {}) =>
  spawnSync(join(dir, 'hooks', 'install'), [], {
    env: { PATH: path, JUJU_CHARM_DIR: dir, ...extraEnv },
    encoding: 'utf8',
  });

describe('generated dispatch', () => {
  it('is valid POSIX sh and runs the bundle with the hook stub’s dispatch path', () => {
    using tmp = tempDir('dispatch');
    const dir = charm(tmp.dir, { installNode: false });
    expect(spawnSync('sh', ['-n', join(dir, 'dispatch')]).status).toBe(0);
    const result = run(dir, `${join(process.execPath, '..')}:/usr/bin:/bin`);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ran hooks/install\n');
  });

  it('without Node.js and without permission to install, explains and fails', () => {
    using tmp = tempDir('nonode');
    const dir = charm(tmp.dir, { installNode: false });
    const result = run(dir, binWithoutNode(tmp.dir, true));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('charm demo needs Node.js 18 or later');
    expect(result.stderr).toContain('basic.install-node');
    expect(existsSync(join(tmp.dir, 'apt.log'))).toBe(false);
  });

  (debianLike ? it : it.skip)(
    'on Debian/Ubuntu installs nodejs with apt-get when basic.install-node allows, then runs',
    () => {
      using tmp = tempDir('install');
      const dir = charm(tmp.dir, { installNode: true, packages: ['jq', 'curl'] });
      const bin = binWithoutNode(tmp.dir, true);
      const first = run(dir, bin);
      if (first.status !== 0) throw new Error(first.stderr);
      expect(first.stdout).toBe('ran hooks/install\n');
      expect(first.status).toBe(0);
      expect(first.stderr).toContain('installing nodejs with apt-get');
      expect(readFileSync(join(tmp.dir, 'apt.log'), 'utf8')).toBe('install -y nodejs\ninstall -y jq curl\n');
      const second = run(dir, bin);
      expect(second.status).toBe(0);
      expect(readFileSync(join(tmp.dir, 'apt.log'), 'utf8')).toBe('install -y nodejs\ninstall -y jq curl\n'); // packages only once
    },
  );

  it('drops package names that could inject shell syntax', () => {
    expect(dispatchScript({ charmName: 'x', installNode: false, packages: ['jq', 'a;rm -rf /', '$(id)'] })).toContain(
      'PACKAGES="jq"',
    );
  });
});
