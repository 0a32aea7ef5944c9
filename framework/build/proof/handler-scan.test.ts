import { scanHandlers } from './handler-scan';

const source = `
import { Charm, defineHandler, registerTrigger, setFlag, when, whenAny, whenNot } from 'rxcharm';

export class App extends Charm {
  // @when('commented.out')
  @when('docker.available', "config.changed.port")
  @whenNot('app.started')
  async start(): Promise<void> {
    this.setFlag('app.started');
    setFlag(\`app.\${this.hook.unitName}.ready\`);
  }

  @whenAny('a', 'b')
  @hook('update-status')
  private status(): void {
    if (this.isFlagSet('app.paused')) return;
  }

  plain(): void {}
}

registerTrigger({ when: 'redis.available', setFlag: 'app.reconfigure' });
export const stop = defineHandler({ id: 'app:stop', when: ['app.started'], whenNot: ['app.stopping'], run: () => undefined });
`;

describe('scanHandlers', () => {
  const scan = scanHandlers(source, 'reactive/app.ts');

  it('reads decorated methods with their stacked conditions and ids', () => {
    expect(scan.handlers.map((h) => h.id)).toEqual([
      'reactive/app.ts:App.start',
      'reactive/app.ts:App.status',
      'reactive/app.ts:app:stop',
    ]);
    expect(scan.handlers[0]).toEqual(
      expect.objectContaining({ when: ['docker.available', 'config.changed.port'], whenNot: ['app.started'], line: 6 }),
    );
    expect(scan.handlers[1]).toEqual(expect.objectContaining({ whenAny: [['a', 'b']], hook: ['update-status'] }));
  });

  it('reads defineHandler conditions', () => {
    expect(scan.handlers[2]).toEqual(expect.objectContaining({ when: ['app.started'], whenNot: ['app.stopping'] }));
  });

  it('finds flags set (template literals as wildcards) and read', () => {
    expect(scan.sets.map((s) => s.flag)).toEqual(['app.started', 'app.*.ready', 'app.reconfigure']);
    expect(scan.reads.map((s) => s.flag)).toEqual(['app.paused', 'redis.available']);
  });
});

describe('scanHandlers with string constants', () => {
  const source = [
    "const AVAILABLE = 'docker.available';",
    'export const RESTART = "docker.restart";',
    'class DockerLayer extends Charm {',
    '  @when(RESTART)',
    '  restart(): void {',
    '    this.clearFlag(RESTART);',
    '    this.setFlag(AVAILABLE);',
    '    const other = { AVAILABLE: 1 }.AVAILABLE;',
    '  }',
    '}',
  ].join('\n');
  const scan = scanHandlers(source, 'reactive/docker.ts');

  it('sees flags named through file-level constants, at their own lines', () => {
    expect(scan.handlers.map((h) => [h.id, h.when])).toEqual([
      ['reactive/docker.ts:DockerLayer.restart', ['docker.restart']],
    ]);
    expect(scan.sets).toEqual([{ flag: 'docker.available', file: 'reactive/docker.ts', line: 7 }]);
  });
});
