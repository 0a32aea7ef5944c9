import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as rxcharm from 'rxcharm';
import * as compose from 'rxcharm/compose';
import * as testing from 'rxcharm/testing';

// The authors' entry point stays small: handlers, flags, Charm, endpoints, templating, status, kv.
const AUTHOR_API_LIMIT = 100;

describe('the public entry points', () => {
  it(`rxcharm exports at most ${AUTHOR_API_LIMIT} runtime names`, () => {
    expect(Object.keys(rxcharm).length).toBeLessThanOrEqual(AUTHOR_API_LIMIT);
  });

  it('rxcharm exports what a charm author writes with', () => {
    for (const name of [
      'Charm',
      'Endpoint',
      'when',
      'whenNot',
      'hook',
      'setFlag',
      'render',
      'KeyValueStore',
      'RxcharmError',
    ]) {
      expect(rxcharm).toHaveProperty(name);
    }
  });

  it('keeps the engine, the runtime entry and the bundle plumbing out of rxcharm', () => {
    for (const name of [
      'execute',
      'canonicalJson',
      'plan',
      'Dispatcher',
      'HandlerRegistry',
      'run',
      'runHook',
      'registerBundle',
      'buildCharm',
    ]) {
      expect(rxcharm).not.toHaveProperty(name);
    }
  });

  it('rxcharm/compose holds the compose engine and rxcharm/testing the harness', () => {
    expect(compose).toHaveProperty('Compose');
    expect(compose).toHaveProperty('DockerodeClient');
    expect(testing).toHaveProperty('Context');
    expect(testing).toHaveProperty('FakeDockerClient');
  });
});

describe('layers, interfaces and charms of this repository', () => {
  const root = join(__dirname, '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (['node_modules', 'build', '.rxcharm'].includes(entry)) return [];
      return statSync(path).isDirectory() ? sources(path) : entry.endsWith('.ts') ? [path] : [];
    });

  it('import rxcharm only through its entry points, never its folders', () => {
    const allowed = new Set(['rxcharm', 'rxcharm/compose', 'rxcharm/testing']);
    const offending = ['layers', 'interfaces', 'charms'].flatMap((top) =>
      sources(join(root, top)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
          .map((m) => m[1] ?? '')
          .filter((spec) => (spec.startsWith('rxcharm') && !allowed.has(spec)) || /(^|\/)framework(\/|$)/.test(spec))
          .map((spec) => `${relative(root, file)}: ${spec}`),
      ),
    );
    expect(offending).toEqual([]);
  });
});
