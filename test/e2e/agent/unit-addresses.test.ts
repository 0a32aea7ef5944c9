/**
 * Units as machines, with real containers: each unit of the local agent has its own address on
 * the model's bridge, so three voting-app units each publish the same vote port, reachable from
 * the host and from a container; removing a unit runs Juju 3.6's teardown order without creating
 * any container and releases its address; destroying the model removes the bridge.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureBusyboxImage, ensureProjectImage, TEST_LABEL } from '../../support';
import { CliModel, freePort, VOTING_APP_LOCAL_IMAGES, type ModelStatus } from '../cli-model';

jest.setTimeout(900_000);

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The first line of an HTTP GET from the host (`HTTP/1.1 200 OK`), or the error code. */
async function getFromHost(address: string, port: number): Promise<string> {
  try {
    const response = await fetch(`http://${address}:${port}/`, { signal: AbortSignal.timeout(5000) });
    await response.text();
    return `HTTP ${response.status}`;
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? error);
  }
}

/** Polls the host GET until it answers 200 (a fresh container may take a moment to listen). */
async function answersFromHost(address: string, port: number): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 60; attempt++) {
    last = await getFromHost(address, port);
    if (last === 'HTTP 200') break;
    await pause(500);
  }
  return last;
}

/** The status line of an HTTP GET made from inside a fresh container on the default bridge. */
function getFromContainer(image: string, address: string, port: number, run: string): string {
  const out = spawnSync(
    'docker',
    [
      'run',
      '--rm',
      '--label',
      `${TEST_LABEL}=${run}`,
      image,
      'sh',
      '-c',
      `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 ${address} ${port} | head -n 1`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return out.stdout.trim();
}

function bridgeAddresses(bridge: string): string[] | undefined {
  const out = spawnSync('ip', ['-4', '-o', 'addr', 'show', 'dev', bridge], { encoding: 'utf8' });
  if (out.status !== 0) return undefined;
  return [...out.stdout.matchAll(/inet ([\d.]+)\//g)].map((m) => m[1]!);
}

/** Ids of containers created for the compose projects of `app` between two instants (docker events). */
function containersCreated(app: string, since: number, until: number): string[] {
  const out = execFileSync(
    'docker',
    [
      'events',
      '--since',
      String(since),
      '--until',
      String(until),
      '--filter',
      'type=container',
      '--filter',
      'event=create',
      '--format',
      '{{index .Actor.Attributes "com.docker.compose.project"}} {{.ID}}',
    ],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${app}-`))
    .map((line) => line.split(' ')[1]!);
}

describe('e2e: units as machines (real containers)', () => {
  const run = `units-${randomBytes(3).toString('hex')}`;
  const apps = { voting: `vote${run.slice(-6)}`, redis: `redis${run.slice(-6)}`, postgres: `pg${run.slice(-6)}` };
  let model: CliModel;
  let busybox: string;
  let status: ModelStatus;
  const ports = { vote: 0, result: 0, redis: 0, postgres: 0 };

  beforeAll(async () => {
    model = new CliModel();
    busybox = ensureBusyboxImage();
    for (const image of ['redis', 'postgres', 'vote', 'worker', 'result'] as const) ensureProjectImage(image);
    for (const name of ['voting-app', 'redis', 'postgresql']) await model.build(name);
    for (const key of Object.keys(ports) as Array<keyof typeof ports>) {
      let port = await freePort();
      while (Object.values(ports).includes(port)) port = await freePort();
      ports[key] = port;
    }
    for (const unit of [
      `${apps.voting}/0`,
      `${apps.voting}/1`,
      `${apps.voting}/2`,
      `${apps.redis}/0`,
      `${apps.postgres}/0`,
    ])
      model.track(unit);
  });

  afterAll(async () => {
    spawnSync('docker', ['rm', '-f', ...listByLabel(run)]);
    await model?.dispose();
  });

  function listByLabel(label: string): string[] {
    return spawnSync('docker', ['ps', '-aq', '--filter', `label=${TEST_LABEL}=${label}`], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);
  }

  it('deploys voting-app with 3 units (add-unit -n 2) sharing related redis and postgresql', async () => {
    await model.ok(
      'deploy',
      `${model.charmsDir}/redis`,
      apps.redis,
      '--config',
      'image=rxcharm/redis',
      '--config',
      `port=${ports.redis}`,
    );
    await model.ok(
      'deploy',
      `${model.charmsDir}/postgresql`,
      apps.postgres,
      '--config',
      'image=rxcharm/postgres',
      '--config',
      `port=${ports.postgres}`,
    );
    await model.ok(
      'deploy',
      `${model.charmsDir}/voting-app`,
      apps.voting,
      ...Object.entries(VOTING_APP_LOCAL_IMAGES)
        .map(([key, image]) => `${key}=${image}`)
        .concat([`vote_port=${ports.vote}`, `result_port=${ports.result}`])
        .flatMap((c) => ['--config', c]),
    );
    await model.ok('relate', apps.voting, apps.redis);
    await model.ok('relate', apps.voting, apps.postgres);
    const since = Math.floor(Date.now() / 1000) - 1;
    expect(await model.ok('add-unit', apps.voting, '-n', '2')).toContain(`added ${apps.voting}/1, ${apps.voting}/2`);
    // The event query used for teardown below does see creations: the new units' containers.
    expect(containersCreated(apps.voting, since, Math.ceil(Date.now() / 1000) + 1).length).toBeGreaterThanOrEqual(6);
    status = await model.status();
    expect(status.model.warning).toBeUndefined();
    const units = status.applications[apps.voting]!.units;
    expect(Object.keys(units).sort()).toEqual([`${apps.voting}/0`, `${apps.voting}/1`, `${apps.voting}/2`]);
    for (const unit of Object.values(units)) {
      expect(unit).toMatchObject({ workload: 'active', agent: 'idle' });
      expect(unit.message).toContain(`at ${unit.address}`);
    }
    const addresses = Object.values(units).map((u) => u.address);
    expect(new Set(addresses).size).toBe(3);
    const subnet = status.model.network!.subnet;
    const prefix = subnet.split('.').slice(0, 3).join('.');
    for (const address of addresses) expect(address.startsWith(`${prefix}.`)).toBe(true);
    // The redis and postgresql units are machines too; voting-app reaches them on their addresses.
    const redis = status.applications[apps.redis]!.units[`${apps.redis}/0`]!;
    expect(redis.message).toBe(`Ready on ${redis.address}:${ports.redis}`);
    expect(bridgeAddresses(status.model.network!.bridge)?.sort()).toEqual(
      expect.arrayContaining([...addresses, redis.address]),
    );
    // The text status shows each unit's address.
    const text = await model.ok('status');
    for (const [name, unit] of Object.entries(units))
      expect(text).toMatch(new RegExp(`${name}\\*?\\s+active\\s+idle\\s+${unit.address.replace(/\./g, '\\.')}\\s`));
  });

  it("answers each unit's vote page on <unit address>:<vote port> from the host and from a container", async () => {
    for (const unit of Object.values(status.applications[apps.voting]!.units)) {
      expect(await answersFromHost(unit.address, ports.vote)).toBe('HTTP 200');
      expect(getFromContainer(busybox, unit.address, ports.vote, run)).toMatch(/^HTTP\/1\.[01] 200/);
    }
  });

  it('remove-unit: Juju 3.6 teardown order, no container created, the address released', async () => {
    const leaving = `${apps.voting}/2`;
    const address = status.applications[apps.voting]!.units[leaving]!.address;
    const before = model.hooksRun(leaving).length;
    const since = Math.floor(Date.now() / 1000) - 1;
    await model.ok('remove-unit', leaving);
    const until = Math.ceil(Date.now() / 1000) + 1;
    // Relation by relation (in relation id order): departed per remote unit, then broken; then stop, remove.
    expect(model.hooksRun(leaving).slice(before)).toEqual([
      'redis-relation-departed',
      'redis-relation-broken',
      'postgres-relation-departed',
      'postgres-relation-broken',
      'stop',
      'remove',
    ]);
    expect(containersCreated(apps.voting, since, until)).toEqual([]);
    const after = await model.status();
    expect(Object.keys(after.applications[apps.voting]!.units).sort()).toEqual([
      `${apps.voting}/0`,
      `${apps.voting}/1`,
    ]);
    expect(bridgeAddresses(after.model.network!.bridge)).not.toContain(address);
    expect(await getFromHost(address, ports.vote)).not.toBe('HTTP 200');
    // The others still answer.
    for (const unit of Object.values(after.applications[apps.voting]!.units))
      expect(await answersFromHost(unit.address, ports.vote)).toBe('HTTP 200');
  });

  it('destroy-model removes every unit, the bridge network and its addresses', async () => {
    const { network } = (await model.status()).model;
    await model.ok('destroy-model');
    expect(bridgeAddresses(network!.bridge)).toBeUndefined();
    expect(spawnSync('docker', ['network', 'inspect', network!.name]).status).not.toBe(0);
    for (const app of Object.values(apps)) {
      const left = spawnSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${app}-0`], {
        encoding: 'utf8',
      }).stdout.trim();
      expect(left).toBe('');
    }
  });
});
