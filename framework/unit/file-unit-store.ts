import { copyFileSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNIT_STATE_DIR, UNIT_STATE_FILE, writeFileAtomic } from '../charm';
import { emptyUnitState, unitStateProblem, type UnitState } from './unit-state';
import type { UnitStore } from './unit-store';
import { UnitStateCorruptError, UnitStateWriteError } from './unit-errors';

/**
 * A {@link UnitStore} in `<unitDir>/.rxcharm/unit-state.json`.
 *
 * `save` writes a temp file in the same folder, fsyncs it, renames it over the old file and
 * fsyncs the folder, so a SIGKILL or power loss leaves the old or the new file, never a torn one;
 * saving the text the file already holds writes nothing.
 * `load` never resets a bad file: it copies it aside and throws {@link UnitStateCorruptError}.
 */
export class FileUnitStore implements UnitStore {
  /** Absolute or relative path of the state file. */
  readonly file: string;
  private readonly dir: string;
  /** The file's text as this store last read or wrote it: saving the same text again is skipped. */
  private onDisk: string | undefined;

  constructor(unitDir: string) {
    this.dir = join(unitDir, UNIT_STATE_DIR);
    this.file = join(unitDir, UNIT_STATE_FILE);
  }

  load(): UnitState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyUnitState();
      throw new UnitStateCorruptError(this.file, `cannot be read: ${(e as Error).message}`, undefined, e);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UnitStateCorruptError(this.file, `not valid JSON: ${(e as Error).message}`, this.backup(), e);
    }
    const problem = unitStateProblem(parsed);
    if (problem !== undefined) throw new UnitStateCorruptError(this.file, problem, this.backup());
    const s = parsed as UnitState;
    this.onDisk = text;
    return { version: 1, flags: [...s.flags].sort(), kv: s.kv, config: s.config };
  }

  save(state: UnitState): void {
    const body =
      JSON.stringify({ version: 1, flags: [...state.flags].sort(), kv: state.kv, config: state.config }, null, 1) +
      '\n';
    // A hook that changed nothing (update-status, most of the time) costs no write and no fsync:
    // the file already holds exactly this text, durably (it was read or written whole).
    if (body === this.onDisk) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileAtomic(this.file, body, { mode: 0o600 });
      this.onDisk = body;
    } catch (e) {
      throw new UnitStateWriteError(this.file, e);
    }
  }

  /**
   * Copies the bad file to the first free `unit-state.json.corrupt-<n>` (reusing a backup with
   * the same bytes, so repeated loads do not pile up copies); undefined if that fails.
   */
  private backup(): string | undefined {
    try {
      const bad = readFileSync(this.file);
      for (let n = 1; ; n++) {
        const target = `${this.file}.corrupt-${n}`;
        if (existsSync(target)) {
          if (readFileSync(target).equals(bad)) return target;
          continue;
        }
        copyFileSync(this.file, target, constants.COPYFILE_EXCL);
        return target;
      }
    } catch {
      return undefined;
    }
  }
}
