import type { Command } from 'commander';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { matchesUnit } from '../../../agent';
import { agentFor, positiveInt, withModelOption, type ModelOption } from './agent-context';

/** `debug-log [--unit U] [--lines N] [--follow]`. */
export function registerDebugLogCommand(program: Command): void {
  withModelOption(
    program
      .command('debug-log')
      .description('show hook output, juju-log records and hook results')
      .option('--unit <unit>', 'only this unit (app/0) or application (app)')
      .option('-n, --lines <n>', 'show only the last N lines')
      .option('--follow', 'keep printing new lines (Ctrl-C stops)'),
  ).action(async (options: ModelOption & { unit?: string; lines?: string; follow?: boolean }) => {
    const agent = agentFor(options, false);
    const lines = options.lines === undefined ? undefined : positiveInt('--lines', options.lines, 10);
    const shown = agent.debugLog.read({ ...(options.unit ? { unit: options.unit } : {}), ...(lines ? { lines } : {}) });
    if (shown.length) process.stdout.write(`${shown.join('\n')}\n`);
    if (!options.follow) return;
    const path = agent.debugLog.path;
    let offset = existsSync(path) ? statSync(path).size : 0;
    let partial = '';
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (!existsSync(path)) return;
        const size = statSync(path).size;
        if (size <= offset) return;
        const fd = openSync(path, 'r');
        const buffer = Buffer.alloc(size - offset);
        readSync(fd, buffer, 0, buffer.length, offset);
        closeSync(fd);
        offset = size;
        const text = partial + buffer.toString('utf8');
        const parts = text.split('\n');
        partial = parts.pop() ?? '';
        const fresh = parts.filter((l) => l !== '' && (options.unit === undefined || matchesUnit(l, options.unit)));
        if (fresh.length) process.stdout.write(`${fresh.join('\n')}\n`);
      }, 250);
      process.once('SIGINT', () => {
        clearInterval(timer);
        resolve();
      });
    });
  });
}
