/**
 * The proxy charm: HAProxy in a container (a one-service compose project named after the unit)
 * balancing HTTP over every unit of every application related on `backends` (interface http).
 *
 * Flow: install / config-changed / upgrade-charm and every `backends` relation event clear
 * `proxy.configured`; `converge` then selects the usable backends (skipping, and naming in the
 * status, units whose data HAProxy must not read), renders haproxy.cfg and the compose file, brings
 * the project up when the compose file changed, and otherwise reloads HAProxy (SIGUSR2: the old
 * worker finishes its connections) when only haproxy.cfg changed. The status says how many
 * backends HAProxy reports up; update-status refreshes it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hook, render, when, whenNot } from 'rxcharm';
import { isSettingsProblem, reconcileOpenedPorts, setWorkloadStatus, settingsOrBlocked } from 'layer:basic';
import { UnitProject, UnitProjectCharm } from 'layer:docker';
import type { HttpRequires } from 'interface:http';
import { selectBackends, type BackendSelection } from '../src/backends';
import { haproxyContext } from '../src/haproxy-config';
import { fetchBackendHealth } from '../src/haproxy-stats';
import { readSettings, type Settings } from '../src/settings';

/** Flag: the proxy reflects the current config and backends (or the config problem is reported). */
export const CONFIGURED = 'proxy.configured';
/** Flag: the stop hook ran; nothing is started again. */
export const STOPPED = 'proxy.stopped';

const APPLIED_KEY = 'proxy.applied-compose';
const PORTS_KEY = 'proxy.open-port';

export class ProxyCharm extends UnitProjectCharm {
  protected readonly flags = { configured: CONFIGURED, stopped: STOPPED };
  /** The compose workspace holds docker-compose.yml and the haproxy/ configuration directory. */
  protected readonly project = new UnitProject(this, { workload: 'HAProxy', appliedKey: APPLIED_KEY });

  private get configDir(): string {
    return join(this.project.workspace, 'haproxy');
  }

  private selection(): BackendSelection {
    const backends = this.endpoint<HttpRequires>('backends');
    return selectBackends(backends.services(), backends.problems());
  }

  /** The backends are inputs too: every `backends` relation event reconverges. */
  @hook('install', 'config-changed', 'upgrade-charm', '{requires:http}-relation-{joined,changed,departed,broken}')
  override inputsChanged(): void {
    this.clearFlag(CONFIGURED);
  }

  @when('docker.available')
  @whenNot(CONFIGURED, STOPPED)
  async converge(): Promise<void> {
    const settings = await settingsOrBlocked(this, readSettings);
    if (settings === undefined) return this.setFlag(CONFIGURED); // nothing to do until the config changes
    const selection = this.selection();
    mkdirSync(this.configDir, { recursive: true });
    const config = render({
      source: 'haproxy.cfg',
      target: join(this.configDir, 'haproxy.cfg'),
      context: haproxyContext({ ...settings, backends: selection.backends }),
      templatesDir: this.project.templatesDir,
      format: 'text',
    });
    const context = {
      image: settings.image,
      port: settings.port,
      statsPort: settings.statsPort,
      configDir: this.configDir,
    };
    const applied = await this.project.apply(context, settings);
    if (!applied.ok) return; // reported as a status; CONFIGURED stays clear, the next hook retries
    // A new container read the new file at start; a running one is told to reload it.
    if (!applied.upped && config.changed) await this.project.compose().kill('haproxy', 'SIGUSR2');
    reconcileOpenedPorts(this, PORTS_KEY, [settings.port]);
    this.setFlag(CONFIGURED);
    await this.reportHealth(settings, selection);
  }

  /** The status shows how many backends HAProxy reports up; health checks change that over time. */
  @hook('update-status')
  @when(CONFIGURED)
  @whenNot(STOPPED)
  async refreshStatus(): Promise<void> {
    const settings = readSettings(this.config.all());
    if (isSettingsProblem(settings)) return; // the blocked status already names the problem
    await this.reportHealth(settings, this.selection());
  }

  private async reportHealth(settings: Settings, selection: BackendSelection): Promise<void> {
    const skipped =
      selection.skipped.length === 0
        ? ''
        : `; skipped ${selection.skipped.map((s) => `${s.unit} (${s.reason})`).join(', ')}`;
    const n = selection.backends.length;
    if (n === 0) {
      await setWorkloadStatus(
        this,
        'blocked',
        `No backend to balance over: relate an http application to backends${skipped}`,
      );
      return;
    }
    const health = await fetchBackendHealth(settings.statsPort);
    const up = health === undefined ? 'health unknown' : `${health.up} up`;
    await setWorkloadStatus(
      this,
      'active',
      `Balancing ${n} backend${n === 1 ? '' : 's'} on port ${settings.port} (${up})${skipped}`,
    );
  }
}
