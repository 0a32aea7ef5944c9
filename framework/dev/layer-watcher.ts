import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

/** Directories under a layer that are not its source (outputs, state, packages). */
const IGNORED_DIRS = new Set(['node_modules', 'build', '.rxcharm', '.git']);

/** Editor droppings that are not source files (swap, backup and probe files). */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.#') || name.endsWith('~') || /\.sw[a-p]$/.test(name) || name === '4913';
}

/** Options of {@link LayerWatcher}. */
export interface LayerWatcherOptions {
  /** Quiet time after the last change before `onChange` fires: several saves make one call. */
  readonly debounceMs?: number;
  /** Called with the changed paths (absolute), once per burst of changes. */
  readonly onChange: (files: readonly string[]) => void;
}

/**
 * Watches every directory of a layer stack (one non-recursive `fs.watch` per directory, so
 * `build/`, `node_modules/` and unit state are never walked) and reports bursts of changes.
 * New directories are picked up as they appear. `setDirs` moves the watch to a new stack.
 */
export class LayerWatcher implements Disposable {
  private readonly watchers = new Map<string, FSWatcher>();
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private roots: readonly string[] = [];

  constructor(private readonly options: LayerWatcherOptions) {}

  /** Watches exactly these layer directories (and everything below them). */
  setDirs(roots: readonly string[]): void {
    this.roots = [...roots];
    const wanted = new Set<string>();
    for (const root of roots) this.walk(root, wanted);
    for (const [dir, watcher] of this.watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of wanted) if (!this.watchers.has(dir)) this.watchDir(dir);
  }

  /** The directories watched right now. */
  dirs(): string[] {
    return [...this.watchers.keys()].sort();
  }

  private walk(dir: string, into: Set<string>): void {
    into.add(dir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries)
      if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) this.walk(join(dir, entry.name), into);
  }

  private watchDir(dir: string): void {
    try {
      const watcher = watch(dir, (event, name) => {
        if (name === null || isIgnoredName(name) || IGNORED_DIRS.has(name)) return;
        // A new or removed directory changes the set to watch.
        if (event === 'rename') this.setDirs(this.roots);
        this.changed(join(dir, name));
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
      });
      this.watchers.set(dir, watcher);
    } catch {
      // The directory went away between the walk and the watch: nothing to watch.
    }
  }

  private changed(file: string): void {
    this.pending.add(file);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const files = [...this.pending].sort();
      this.pending = new Set();
      this.options.onChange(files);
    }, this.options.debounceMs ?? 50);
  }

  /** Stops every watch and drops a pending burst. */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
