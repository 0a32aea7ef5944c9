import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCharm } from '../../../framework/build';
import { REPO, tempDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

describe('bundleCharm with the real framework', () => {
  it('bundles dockerode (ssh2 and its optional native addons) into a file that loads without node_modules', async () => {
    using tmp = tempDir('native');
    const entry = "import { DockerodeClient } from 'rxcharm';\nconsole.log(typeof DockerodeClient, typeof new DockerodeClient());\n";
    const output = await bundleCharm(entry, tmp.dir, {
      framework: join(REPO, 'framework', 'index.ts'),
      layers: {},
      interfaces: {},
      nodePaths: [join(REPO, 'node_modules')],
    });
    const code = new TextDecoder().decode(output.code);
    expect(code).toContain('sshcrypto.node'); // left external, loaded in a try block by ssh2
    writeFileSync(join(tmp.dir, 'charm.js'), output.code);
    const run = spawnSync(process.execPath, [join(tmp.dir, 'charm.js')], { cwd: tmp.dir, env: { PATH: '/usr/bin:/bin', DOCKER_HOST: 'unix:///nonexistent.sock' }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('function object\n');
  }, 60_000);
});
