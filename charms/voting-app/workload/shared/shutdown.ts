import type { Logger } from './log';

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits. PID 1 in a container gets no default signal
 * handling, so without this `docker stop` would wait for its kill timeout. A second signal, or
 * `stop` taking longer than `graceMs`, exits immediately.
 */
export function exitOnSignals(log: Logger, stop: () => Promise<void>, graceMs = 3000): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), graceMs).unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
