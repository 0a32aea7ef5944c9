import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCachedModel, recordingEnv, writeCachedModel } from './model-cache';
import { parseCompose } from './model/parse-compose';

describe('model cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxcharm-cache-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = () => join(dir, 'docker-compose.yml');
  const text = 'services:\n  a:\n    image: "img:${TAG:-1}"\n    env_file: a.env\n    environment: [FROM_HOST]\n';

  function store(env: Record<string, string | undefined>): void {
    writeFileSync(join(dir, 'a.env'), 'X=1\n');
    const rec = recordingEnv(env);
    const model = parseCompose(text, { file: file(), env: rec.env, home: '/h' });
    expect(rec.used).toEqual({ TAG: null, FROM_HOST: 'h' });
    writeCachedModel(join(dir, 'cache'), file(), text, rec.used, '/h', model, ['w']);
  }

  it('returns the stored model while file, used variables and env files are unchanged', () => {
    store({ FROM_HOST: 'h', UNRELATED: 'x' });
    const hit = readCachedModel(join(dir, 'cache'), file(), text, { FROM_HOST: 'h', UNRELATED: 'changed' }, '/h');
    expect(hit?.model).toEqual(
      JSON.parse(JSON.stringify(parseCompose(text, { file: file(), env: { FROM_HOST: 'h' }, home: '/h' }))),
    );
    expect(hit?.warnings).toEqual(['w']);
  });

  it.each<[string, () => [string, Record<string, string>, string]]>([
    ['the text changes', () => [`${text}\n`, { FROM_HOST: 'h' }, '/h']],
    ['a used variable changes', () => [text, { FROM_HOST: 'other' }, '/h']],
    ['a variable that was unset is now set', () => [text, { FROM_HOST: 'h', TAG: '2' }, '/h']],
    ['the home directory changes', () => [text, { FROM_HOST: 'h' }, '/other']],
    [
      'an env file changes',
      () => {
        writeFileSync(join(dir, 'a.env'), 'X=2\n');
        return [text, { FROM_HOST: 'h' }, '/h'];
      },
    ],
  ])('misses when %s', (_why, change) => {
    store({ FROM_HOST: 'h' });
    const [t, env, home] = change();
    expect(readCachedModel(join(dir, 'cache'), file(), t, env, home)).toBeUndefined();
  });

  it('misses without an entry and ignores a corrupt one', () => {
    expect(readCachedModel(join(dir, 'cache'), file(), text, {}, '/h')).toBeUndefined();
    store({ FROM_HOST: 'h' });
    for (const name of readdirSync(join(dir, 'cache'))) writeFileSync(join(dir, 'cache', name), '{not json');
    expect(readCachedModel(join(dir, 'cache'), file(), text, { FROM_HOST: 'h' }, '/h')).toBeUndefined();
  });
});
