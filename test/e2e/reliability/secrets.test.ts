/**
 * Secrets (issue 9, item 5), end to end on the local agent with the real voting-app and
 * postgresql charms and real containers: postgresql generates the password of the voting-app's
 * database role and hands it over the relation; voting-app renders it into its compose file.
 * Once the test knows the password (read from postgresql's unit state), it must appear in no
 * CLI output (stdout or stderr, including failures), no status, no debug-log line, no hook trace
 * (`rxcharm trace` and the files behind it), and not in voting-app's unit state (which keeps only
 * hashes of received data); the compose files that hold it are mode 0600.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureProjectImage } from '../../support';
import { DemoWorld, freePort, VOTING_APP_LOCAL_IMAGES, type CliResult } from '../demo/demo-world';

jest.setTimeout(600_000);

/** Every file below `dir` (recursively). */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesBelow(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

describe('e2e: a known postgres password never leaks', () => {
  let world: DemoWorld;
  const outputs: CliResult[] = [];
  let voting = '';
  let pg = '';

  const cli = async (...args: string[]): Promise<CliResult> => {
    const result = await world.cli(...args);
    outputs.push(result);
    return result;
  };
  const ok = async (...args: string[]): Promise<CliResult> => {
    const result = await cli(...args);
    if (result.code !== 0)
      throw new Error(`rxcharm ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
    return result;
  };

  beforeAll(async () => {
    world = new DemoWorld();
    for (const image of ['redis', 'postgres', 'vote', 'worker', 'result'] as const) ensureProjectImage(image);
    for (const name of ['voting-app', 'postgresql']) await world.build(name);
    voting = world.apps.voting;
    pg = world.apps.postgres;
  });
  afterAll(() => world?.dispose());

  test('deploy, relate, fail a hook, inspect everything: the password is nowhere but the compose files', async () => {
    const [votePort, resultPort, pgPort, takenPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    await world.deploy('postgresql', pg, { image: 'rxcharm/postgres', port: pgPort });
    await world.deploy('voting-app', voting, {
      ...VOTING_APP_LOCAL_IMAGES,
      vote_port: votePort,
      result_port: resultPort,
    });
    await ok('relate', `${voting}:postgres`, pg);
    await ok('wait', '--timeout', '5m');

    // The secrets: the role password postgresql generated for voting-app, its admin password,
    // and voting-app's own bundled-db password.
    const pgKv = world.kv(`${pg}/0`);
    const rolePasswords = Object.values(pgKv['postgresql.passwords'] as Record<string, string>);
    const secrets = [
      ...rolePasswords,
      pgKv['postgresql.admin-password'] as string,
      world.kv(`${voting}/0`)['voting-app.db-password'] as string,
    ];
    expect(rolePasswords).toHaveLength(1);
    for (const s of secrets) expect(s.length).toBeGreaterThanOrEqual(12);
    const [password] = rolePasswords as [string];

    // It did reach voting-app: its compose file carries it, and that file is private.
    const votingDir = world.charmDir(`${voting}/0`);
    const pgDir = world.charmDir(`${pg}/0`);
    // Rendered compose files anywhere in the units' charm dirs (the templates they come from excepted).
    const composeFiles = [...filesBelow(votingDir), ...filesBelow(pgDir)].filter(
      (f) => /compose\.ya?ml$/.test(f) && !f.includes('/templates/'),
    );
    expect(composeFiles.length).toBeGreaterThanOrEqual(2);
    expect(composeFiles.some((f) => readFileSync(f, 'utf8').includes(password))).toBe(true);
    for (const f of composeFiles)
      expect({ f, mode: (statSync(f).mode & 0o777).toString(8) }).toEqual({ f, mode: '600' });

    // ... and the running workload: the worker container got it in its environment.
    const worker = world.containers(`${voting}-0`).worker;
    expect(worker?.state).toBe('running');
    const env = JSON.parse(
      spawnSync('docker', ['inspect', '--format', '{{json .Config.Env}}', worker?.id ?? ''], { encoding: 'utf8' })
        .stdout,
    ) as string[];
    expect(env).toContain(`PG_PASS=${password}`);
    expect(await world.unit(`${voting}/0`)).toMatchObject({ workload: 'active' });

    // An image that cannot be pulled while the password is in play: reported as a status naming
    // it (the hook succeeds; the running formation is left as it was).
    await ok('config', voting, 'result_image=rxcharm-test/no-such-result:0');
    await ok('wait', '--timeout', '2m');
    expect(await world.unit(`${voting}/0`)).toMatchObject({
      workload: 'blocked',
      message: expect.stringContaining('Cannot pull image rxcharm-test/no-such-result:0'),
    });
    await ok('config', voting, 'result_image=rxcharm/result');

    // A failing hook while the password is in play: the vote port is taken on the host, so
    // Docker cannot start the recreated container. Its error output is scanned below.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(takenPort, '0.0.0.0', resolve));
    try {
      const bad = await cli('config', voting, `vote_port=${takenPort}`);
      await cli('wait', '--timeout', '2m');
      expect(bad.stderr + bad.stdout).toMatch(/failed|error/i);
      expect(await world.unit(`${voting}/0`)).toMatchObject({ workload: 'error', agent: 'error' });
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
    await cli('resolve', `${voting}/0`, '--no-retry');
    await ok('config', voting, `vote_port=${votePort}`);
    await ok('wait', '--timeout', '2m');
    await ok('update-status');
    expect(await world.unit(`${voting}/0`)).toMatchObject({ workload: 'active', agent: 'idle' });

    // Everything a user or operator can look at.
    for (const format of ['tabular', 'json', 'yaml']) await ok('status', '--format', format);
    await ok('debug-log', '--lines', '100000');
    for (const unit of [`${voting}/0`, `${pg}/0`]) {
      await ok('debug-log', '--unit', unit, '--lines', '100000');
      await ok('trace', unit, '--last', '50', '--verbose');
      await ok('trace', unit, '--last', '50', '--json');
    }
    const traceFiles = [
      ...filesBelow(join(votingDir, '.rxcharm', 'traces')),
      ...filesBelow(join(pgDir, '.rxcharm', 'traces')),
    ];
    expect(traceFiles.length).toBeGreaterThan(5);
    const debugLog = readFileSync(join(world.modelDir, 'debug.log'), 'utf8');
    expect(debugLog).toContain('INFO'); // the scan below reads a real log
    const haystacks: Array<[string, string]> = [
      ...outputs.map((o, i): [string, string] => [`cli output #${i}`, `${o.stdout}\n${o.stderr}`]),
      ['debug.log', debugLog],
      ...traceFiles.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      [
        "voting-app's unit state",
        readFileSync(join(votingDir, '.rxcharm', 'unit-state.json'), 'utf8').replace(
          secrets[secrets.length - 1] ?? '\0',
          '<own db password>',
        ),
      ],
    ];
    const leaks = haystacks.flatMap(([where, text]) =>
      secrets.filter((s) => text.includes(s)).map((s) => `${where} contains ${s.slice(0, 3)}…`),
    );
    expect(leaks).toEqual([]);
    // The failures were really reported (the scan covered the error paths).
    expect(debugLog).toMatch(/no-such-result/);
    expect(debugLog).toMatch(new RegExp(`${takenPort}`));
  });
});
