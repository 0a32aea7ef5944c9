import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LocalAgent, type HookEvent } from '../../../framework/agent';

/** The hand-written shell charms under test/fixtures/agent-charms. */
export const CHARMS = resolve(__dirname, '../../fixtures/agent-charms');

/** A temporary model with an in-process agent; `dispose` removes it. */
export class AgentFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'rxcharm-agent-'));
  readonly modelDir = join(this.dir, 'model');
  readonly events: HookEvent[] = [];
  readonly agent: LocalAgent;

  constructor(options: { parallel?: boolean } = {}) {
    this.agent = new LocalAgent({
      modelDir: this.modelDir,
      parallel: options.parallel ?? false,
      address: '10.1.2.3',
      basePath: process.env.PATH ?? '/usr/bin:/bin',
      onHook: (event) => this.events.push(event),
    });
  }

  /** Charm dir of a unit (`app/0` → `<model>/units/app-0/charm`). */
  charmDir(unit: string): string {
    return join(this.modelDir, 'units', unit.replace('/', '-'), 'charm');
  }

  /** Lines the charm wrote to hooks.log: `hook|remote|relation-id|departing|members`. */
  hooks(unit: string): string[] {
    const file = join(this.charmDir(unit), 'hooks.log');
    return existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
      : [];
  }

  /** Only the hook names of {@link hooks}. */
  hookNames(unit: string): string[] {
    return this.hooks(unit).map((l) => l.split('|')[0]!);
  }

  /** Makes `hook` fail on `unit` (the fixture dispatch checks for fail-<hook>). */
  failHook(unit: string, hook: string, fail = true): void {
    const file = join(this.charmDir(unit), `fail-${hook}`);
    if (fail) writeFileSync(file, '');
    else rmSync(file, { force: true });
  }

  /** Raw model file. */
  modelFile(): string {
    return readFileSync(join(this.modelDir, 'model.json'), 'utf8');
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
