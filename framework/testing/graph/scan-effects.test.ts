import { scanEffects } from './scan-effects';

describe('scanEffects', () => {
  it('finds sets, clears and toggles per method, through calls and constants', () => {
    const src = `
const READY = 'app.ready';
// this.setFlag('commented.out')
export class App extends Charm {
  @when('a') @whenNot(READY)
  async start(): Promise<void> {
    if (x) { this.setFlag(READY); }
    this.helper();
  }
  @hook('{install,upgrade-charm}')
  stop(): void { this.clearFlag('app.started'); this.toggleFlag(\`app.\${x}\`, true); }
  private helper(): void { clearFlag("app.stale"); registerTrigger({ when: READY, setFlag: 'app.notify' }); }
}`;
    const r = scanEffects(src);
    expect(r.methods.get('App.start')).toEqual({ sets: ['app.ready'], clears: ['app.stale'], toggles: [] });
    expect(r.methods.get('App.stop')).toEqual({ sets: [], clears: ['app.started'], toggles: ['app.*'] });
    expect(r.triggers).toEqual([{ when: 'app.ready', setFlag: 'app.notify' }]);
  });

  it('resolves flags held in a class field, and in inherited code given the subclass field names', () => {
    const base = `
export abstract class Base extends Charm {
  @hook('stop')
  stop(): void { this.setFlag(this.flags.stopped); if (this.flags.ready !== undefined) this.clearFlag(this.flags.ready); }
}`;
    const sub = `
const STOPPED = 'app.stopped';
export class App extends Base {
  protected readonly flags = { stopped: STOPPED, ready: 'app.ready' };
  converge(): void { this.setFlag(this.flags.ready); }
}`;
    const scanned = scanEffects(sub);
    expect(scanned.methods.get('App.converge')).toEqual({ sets: ['app.ready'], clears: [], toggles: [] });
    expect(scanned.members.get('App')).toEqual(
      new Map([
        ['this.flags.stopped', 'app.stopped'],
        ['this.flags.ready', 'app.ready'],
      ]),
    );
    // Alone, the base cannot know the names; with the subclass's fields it can.
    expect(scanEffects(base).methods.get('Base.stop')).toEqual({ sets: [], clears: [], toggles: [] });
    expect(scanEffects(base, scanned.members.get('App')).methods.get('Base.stop')).toEqual({
      sets: ['app.stopped'],
      clears: ['app.ready'],
      toggles: [],
    });
  });
});
