import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A test's own temporary directory (see {@link useTempDir}). */
export interface TempDir {
  /** The directory of the running test. */
  readonly path: string;
}

/**
 * Gives each test of the enclosing `describe` (or file) a fresh directory under the system temp
 * dir, named `<prefix>XXXXXX`, removed with its contents after the test. Imports only Node
 * built-ins, so unit tests can use it (import this file, not the Docker helpers' index).
 */
export function useTempDir(prefix: string): TempDir {
  let path: string | undefined;
  beforeEach(() => {
    path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (path !== undefined) rmSync(path, { recursive: true, force: true });
    path = undefined;
  });
  return {
    get path() {
      if (path === undefined) throw new Error(`useTempDir(${prefix}): the directory exists only inside a test`);
      return path;
    },
  };
}
