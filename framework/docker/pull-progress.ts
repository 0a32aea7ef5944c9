import type { PullProgressEvent } from '../charm/docker-types';

/** Receives pull progress and shows it; `done` stops any bar. */
export interface PullReporter {
  readonly onProgress: (event: PullProgressEvent) => void;
  done(): void;
}

/**
 * A reporter for a terminal: a cli-progress bar of downloaded bytes over all layers when `stream`
 * is a TTY, otherwise `onEvent` receives the progress events unchanged.
 */
export async function createPullReporter(
  image: string,
  stream: NodeJS.WriteStream,
  onEvent: (event: PullProgressEvent) => void = () => {},
): Promise<PullReporter> {
  if (!stream.isTTY) return { onProgress: onEvent, done: () => {} };
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar(
    { stream, format: `${image} [{bar}] {percentage}% {value}/{total} bytes`, hideCursor: true },
    Presets.shades_classic,
  );
  const layers = new Map<string, { current: number; total: number }>();
  bar.start(1, 0);
  return {
    onProgress: (e) => {
      if (e.layer === undefined || e.total === undefined) return;
      layers.set(e.layer, { current: e.current ?? 0, total: e.total });
      let current = 0;
      let total = 0;
      for (const l of layers.values()) {
        current += l.current;
        total += l.total;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(current);
    },
    done: () => bar.stop(),
  };
}
