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
});
