import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCharm } from '../../../framework/build';
import { REPO, tempDir } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

describe('bundleCharm with the real framework', () => {
  it('vendors dockerode (ssh2 and its optional native addons) into lib/vendor/, loaded without node_modules on first use', async () => {
    using tmp = tempDir('native');
    // A pull loads dockerode; the socket does not exist, so it fails with the typed error.
    const entry =
      "import { DockerodeClient } from 'rxcharm/compose';\n" +
      "const loaded = () => Object.keys(require.cache).some((f) => f.endsWith('dockerode.js'));\n" +
      "const client = new DockerodeClient({ host: 'unix:///nonexistent.sock' });\n" +
      'const before = loaded();\n' +
      "client.pullImage('busybox:1').then(() => console.log('pulled?'), (e) => console.log(typeof DockerodeClient, before, loaded(), e.code));\n";
    const output = await bundleCharm(entry, tmp.dir, {
      framework: join(REPO, 'framework', 'index.ts'),
      layers: {},
      interfaces: {},
      nodePaths: [join(REPO, 'node_modules')],
    });
    expect(output.vendor.map((v) => v.path)).toEqual(['lib/vendor/dockerode.js']);
    const code = new TextDecoder().decode(output.code);
    expect(code).toContain('require("./vendor/dockerode.js")');
    expect(code).not.toContain('sshcrypto.node');
    const dockerode = new TextDecoder().decode(output.vendor[0]?.code);
    expect(dockerode).toContain('sshcrypto.node'); // left external, loaded in a try block by ssh2
    mkdirSync(join(tmp.dir, 'vendor'));
    for (const file of output.vendor) writeFileSync(join(tmp.dir, file.path.slice('lib/'.length)), file.code);
    writeFileSync(join(tmp.dir, 'charm.js'), output.code);
    const run = spawnSync(process.execPath, [join(tmp.dir, 'charm.js')], {
      cwd: tmp.dir,
      env: { PATH: '/usr/bin:/bin', DOCKER_HOST: 'unix:///nonexistent.sock' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('function false true DOCKER_UNAVAILABLE\n');
  }, 60_000);
});
