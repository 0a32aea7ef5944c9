import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import lockfile from 'proper-lockfile';
import { ModelFileError, ModelLockError } from '../errors';
import { writeFileAtomic } from '../../charm';
import { ModelState } from './model-state';
import type { ModelData } from './types';

/** Name of the model document inside the model dir. */
export const MODEL_FILE = 'model.json';

/**
 * The model on disk: `model.json` in the model dir, written atomically, and a lock that
 * serializes the CLI invocations that change it.
 */
export class ModelStore {
  /** Absolute model dir. */
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  get file(): string {
    return join(this.dir, MODEL_FILE);
  }

  /** True when the model file exists. */
  exists(): boolean {
    return existsSync(this.file);
  }

  /**
   * Reads the model; a missing file gives an empty model named after the dir's parent.
   *
   * @throws ModelFileError when the file is unreadable or not a model of version 1.
   */
  load(): ModelData {
    if (!this.exists()) return ModelState.empty('local', randomUUID());
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.file, 'utf8'));
    } catch (error) {
      throw new ModelFileError(this.file, `not valid JSON: ${(error as Error).message}`, error);
    }
    const doc = data as Partial<ModelData> | null;
    if (
      doc === null ||
      typeof doc !== 'object' ||
      doc.version !== 1 ||
      typeof doc.applications !== 'object' ||
      !Array.isArray(doc.relations)
    ) {
      throw new ModelFileError(this.file, 'not an rxcharm model (expected version 1 with applications and relations)');
    }
    return doc as ModelData;
  }

  /** Writes the model atomically (temp file, fsync, rename, fsync dir). */
  save(data: ModelData): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  /**
   * Runs `fn` holding the model lock. Other invocations wait (up to `timeoutMs`); a lock left by
   * a killed process goes stale and is taken over.
   *
   * @throws ModelLockError when the lock cannot be taken in time.
   */
  async withLock<T>(fn: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
    mkdirSync(this.dir, { recursive: true });
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.dir, {
        lockfilePath: join(this.dir, 'model.lock'),
        realpath: false,
        stale: 20_000,
        update: 5_000,
        // retry precomputes every timeout, so keep the count modest: 3000 × ≤250 ms ≈ 12 min.
        retries: {
          retries: 3_000,
          factor: 1.3,
          minTimeout: 10,
          maxTimeout: 250,
          randomize: true,
          maxRetryTime: timeoutMs,
        },
        onCompromised: () => {
          // The lock's mtime could not be refreshed (e.g. a very slow disk): keep going, the
          // model is still written atomically.
        },
      });
    } catch (error) {
      throw new ModelLockError(this.dir, error);
    }
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }
}
