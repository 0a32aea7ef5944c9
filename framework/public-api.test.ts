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
