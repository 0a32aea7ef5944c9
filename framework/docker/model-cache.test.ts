import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCachedModel, recordingEnv, writeCachedModel } from './model-cache';
import { parseCompose } from './model/parse-compose';
import { useTempDir } from '../../test/support/temp-dir';

describe('model cache', () => {
  const tmp = useTempDir('rxcharm-cache-test-');

  const file = () => join(tmp.path, 'docker-compose.yml');
  const text = 'services:\n  a:\n    image: "img:${TAG:-1}"\n    env_file: a.env\n    environment: [FROM_HOST]\n';

  function store(env: Record<string, string | undefined>): void {
    writeFileSync(join(tmp.path, 'a.env'), 'X=1\n');
    const rec = recordingEnv(env);
    const model = parseCompose(text, { file: file(), env: rec.env, home: '/h' });
    expect(rec.used).toEqual({ TAG: null, FROM_HOST: 'h' });
    writeCachedModel(join(tmp.path, 'cache'), file(), text, rec.used, '/h', model, ['w']);
  }

  it('returns the stored model while file, used variables and env files are unchanged', () => {
    store({ FROM_HOST: 'h', UNRELATED: 'x' });
    const hit = readCachedModel(join(tmp.path, 'cache'), file(), text, { FROM_HOST: 'h', UNRELATED: 'changed' }, '/h');
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
        writeFileSync(join(tmp.path, 'a.env'), 'X=2\n');
        return [text, { FROM_HOST: 'h' }, '/h'];
      },
    ],
  ])('misses when %s', (_why, change) => {
    store({ FROM_HOST: 'h' });
    const [t, env, home] = change();
    expect(readCachedModel(join(tmp.path, 'cache'), file(), t, env, home)).toBeUndefined();
  });

  it('misses without an entry and ignores a corrupt one', () => {
    expect(readCachedModel(join(tmp.path, 'cache'), file(), text, {}, '/h')).toBeUndefined();
    store({ FROM_HOST: 'h' });
    for (const name of readdirSync(join(tmp.path, 'cache'))) writeFileSync(join(tmp.path, 'cache', name), '{not json');
    expect(readCachedModel(join(tmp.path, 'cache'), file(), text, { FROM_HOST: 'h' }, '/h')).toBeUndefined();
  });
});
