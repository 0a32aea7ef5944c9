/**
 * The e2e demo story's world: a {@link CliModel} (a temporary model driven through the CLI as a
 * user drives it) with unique application names (so compose projects are unique), the address
 * units publish, and what the story inspects (containers, networks, volumes, a unit's kv).
 * `dispose` (the model's) destroys the model and removes every container, network and volume of
 * the story's compose projects, even after a failure.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultUnitAddress } from '../../../framework/agent';
import { CliModel, type UnitStatus } from '../cli-model';

export { freePort, ROOT, VOTING_APP_LOCAL_IMAGES } from '../cli-model';
export type { CliResult } from '../cli-model';

export class DemoWorld extends CliModel {
  /** What units publish: the agent's own default (docker0's address...), unless the caller set one. */
  readonly address = process.env.RXCHARM_UNIT_ADDRESS || defaultUnitAddress();
  readonly suffix = randomBytes(3).toString('hex');
  /** Application names: unique per run, so compose projects (`<app>-<n>`) are too. */
  readonly apps = { voting: `vote${this.suffix}`, redis: `redis${this.suffix}`, postgres: `pg${this.suffix}` };

  constructor() {
    // Hooks of different applications run in parallel (the agent's default); the unit address is
    // the agent's default too unless RXCHARM_UNIT_ADDRESS was given. The single-unit story runs
    // with one shared unit address (no unit network), its pages on every host address
    // (docker_publish_address=0.0.0.0 in deploy), as it prints them.
    super({
      prefix: 'rxcharm-e2e-demo-',
      env: { RXCHARM_UNIT_NETWORK: '0' },
      unset: ['RXCHARM_MODEL', 'RXCHARM_AGENT_SERIAL'],
    });
  }

  /** Deploys a built charm; its unit's compose project is recorded for clean-up first. */
  async deploy(charm: string, app: string, config: Record<string, string | number>): Promise<string> {
    this.track(`${app}/0`);
    return this.ok(
      'deploy',
      join(this.charmsDir, charm),
      app,
      ...Object.entries({ docker_publish_address: '0.0.0.0', ...config }).flatMap(([k, v]) => [
        '--config',
        `${k}=${v}`,
      ]),
    );
  }

  async unit(name: string): Promise<UnitStatus> {
    const app = name.split('/')[0]!;
    const unit = (await this.status()).applications[app]?.units[name];
    if (unit === undefined) throw new Error(`no unit ${name} in status`);
    return unit;
  }

  /** A unit's charm dir (`app/0` → `<model>/units/app-0/charm`). */
  charmDir(unit: string): string {
    return join(this.modelDir, 'units', unit.replace('/', '-'), 'charm');
  }

  /** A unit's kv store (from its state file). */
  kv(unit: string): Record<string, unknown> {
    return (
      JSON.parse(readFileSync(join(this.charmDir(unit), '.rxcharm', 'unit-state.json'), 'utf8')) as {
        kv: Record<string, unknown>;
      }
    ).kv;
  }

  /** `{ service: { id, state, labels } }` of a compose project's containers. */
  containers(project: string): Record<string, { id: string; state: string; labels: Record<string, string> }> {
    const ids = spawnSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
    if (ids.length === 0) return {};
    const inspected = JSON.parse(spawnSync('docker', ['inspect', ...ids], { encoding: 'utf8' }).stdout) as Array<{
      Id: string;
      State: { Status: string };
      Config: { Labels: Record<string, string> };
    }>;
    return Object.fromEntries(
      inspected.map((c) => [
        c.Config.Labels['com.docker.compose.service'] ?? '?',
        { id: c.Id, state: c.State.Status, labels: c.Config.Labels },
      ]),
    );
  }

  /** Networks of a compose project. */
  networks(project: string): string[] {
    return spawnSync('docker', ['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
  }

  /** Volumes of a compose project. */
  volumes(project: string): string[] {
    return spawnSync('docker', ['volume', 'ls', '-q', '--filter', `label=com.docker.compose.project=${project}`], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter(Boolean);
  }
}
