import type { Command } from 'commander';
import { agentSettingsFromEnv } from '../../agent';
import { CliError } from '../cli-error';
import { registerSnapshotCommand } from './snapshot';
import { findPackageRoot, searchPathFromEnv } from '../../build';
import { DevSession, formatCycle, ModelServer } from '../../dev';
import { LocalAgent } from '../../agent';

interface DevOptions {
  readonly app?: string;
  readonly model?: string;
  readonly debounce: string;
  readonly once?: boolean;
  readonly ui: boolean;
  readonly port?: string;
}

/** Waits for Ctrl-C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `rxcharm dev <layer-dir> [--app NAME] [--model DIR]`, and `snapshot`. */
export function registerDevCommands(program: Command): void {
  registerSnapshotCommand(program);
  program
    .command('dev')
    .description(
      'deploy a layer to the local model and keep it in step: every save type-checks, rebuilds and refreshes, then shows what changed in each hook',
    )
    .argument('<layer-dir>', 'the top layer of the charm')
    .option('-a, --app <name>', 'application name (default: the charm name)')
    .option('-m, --model <dir>', 'model state directory (default: $RXCHARM_MODEL or ./.rxcharm/model)')
    .option('--debounce <ms>', 'quiet time after a save before rebuilding', '50')
    .option('--once', 'build and deploy or refresh once, then exit')
    .option('--no-ui', 'do not serve the live model page')
    .option('--port <n>', 'port of the model page on 127.0.0.1 (default: a free one)')
    .action(async (layerDir: string, options: DevOptions) => {
      const settings = agentSettingsFromEnv(
        process.env,
        options.model === undefined ? {} : { modelDir: options.model },
      );
      const packageRoot = findPackageRoot();
      const cwd = process.cwd();
      let failed = false;
      const out = (lines: readonly string[]): void => {
        if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
      };
      const session = await DevSession.start({
        layerDir,
        modelDir: settings.modelDir,
        ...(options.app === undefined ? {} : { app: options.app }),
        searchPath: searchPathFromEnv(process.env, packageRoot),
        packageRoot,
        basePath: settings.basePath,
        address: settings.address,
        parallel: settings.parallel,
        debounceMs: Number.parseInt(options.debounce, 10) || 50,
        watch: options.once !== true,
        onCycle: (cycle) => {
          failed = cycle.outcome === 'build-failed' || cycle.outcome === 'refresh-failed';
          out(formatCycle(cycle, cwd));
        },
      });
      if (options.once === true) {
        await session.dispose();
        if (failed) throw new CliError('the build or the refresh failed (see above)', 1);
        return;
      }
      const ui = options.ui ? await ModelServer.start(session.agent, portOption(options.port)) : undefined;
      if (ui !== undefined) process.stdout.write(`model page: ${ui.url}\n`);
      process.stdout.write(
        `watching ${session.watchedLayers.length} layer${session.watchedLayers.length === 1 ? '' : 's'} ` +
          `(${session.watchedLayers.map((d) => d.split('/').pop()).join(', ')}); Ctrl-C stops watching and leaves the deployment\n`,
      );
      await interrupted();
      await ui?.dispose();
      await session.dispose();
      process.stdout.write(`stopped; ${session.application ?? 'the application'} stays deployed\n`);
    });

  program
    .command('ui')
    .description(
      'serve the live model page: applications, units, flags, the flag graph and the last hooks, updated as hooks run',
    )
    .option('-m, --model <dir>', 'model state directory (default: $RXCHARM_MODEL or ./.rxcharm/model)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .action(async (options: { model?: string; port?: string }) => {
      const settings = agentSettingsFromEnv(
        process.env,
        options.model === undefined ? {} : { modelDir: options.model },
      );
      const agent = new LocalAgent({ modelDir: settings.modelDir });
      agent.state(); // a missing or unreadable model fails here, not in the browser
      const ui = await ModelServer.start(agent, portOption(options.port));
      process.stdout.write(`model page: ${ui.url} (Ctrl-C stops it)\n`);
      await interrupted();
      await ui.dispose();
    });
}

function portOption(port: string | undefined): { port?: number } {
  if (port === undefined) return {};
  if (!/^\d+$/.test(port)) throw new CliError(`--port must be a number, got ${JSON.stringify(port)}`, 2);
  return { port: Number.parseInt(port, 10) };
}
