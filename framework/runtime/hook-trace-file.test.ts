import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HOOK_TRACE_DIR } from '../charm';
import { HOOK_TRACES_KEPT, listHookTraceFiles, readHookTrace, writeHookTrace } from './hook-trace-file';
import { useTempDir } from '../../test/support/temp-dir';

describe('hook trace files', () => {
  const tmp = useTempDir('rxcharm-hook-trace-');

  it('numbers hooks, names files after them, and keeps only the last ones', () => {
    for (let i = 0; i < HOOK_TRACES_KEPT + 2; i++)
      writeHookTrace(tmp.path, { unit: 'a/0', hook: i === 0 ? 'install' : 'action:do it', ok: true });
    const files = listHookTraceFiles(tmp.path);
    expect(files).toHaveLength(HOOK_TRACES_KEPT);
    expect(files[0]?.n).toBe(3);
    expect(readdirSync(join(tmp.path, HOOK_TRACE_DIR))).toContain(`0000${HOOK_TRACES_KEPT + 2}-action_do_it.json`);
    expect(readHookTrace(files[files.length - 1]!.file)).toMatchObject({
      version: 1,
      n: HOOK_TRACES_KEPT + 2,
      hook: 'action:do it',
      trace: [],
    });
  });

  it('never throws: a write failure goes to onError', () => {
    writeFileSync(join(tmp.path, '.rxcharm'), 'not a directory');
    const errors: unknown[] = [];
    writeHookTrace(tmp.path, { unit: 'a/0', hook: 'install', ok: true }, (e) => errors.push(e));
    expect(errors).toHaveLength(1);
  });
});
