import { parseCompose } from '../model/parse-compose';
import { desiredState } from './desired-state';

function hashes(text: string): Record<string, string> {
  const model = parseCompose(text, { file: '/p/docker-compose.yml', env: {} });
  const d = desiredState(model, { project: 'p', configFiles: [], imageIds: {} });
  return Object.fromEntries(d.services.map((s) => [s.name, s.hash]));
}

describe('configHash', () => {
  const base = hashes(
    'services:\n  a:\n    image: x\n    environment: [A=1, B=2]\n    labels: {l1: a, l2: b}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n',
  );

  it('is a sha256 hex string', () => expect(base.a).toMatch(/^[0-9a-f]{64}$/));

  it('is stable under env, label, key, port and expose reordering and env map/list form', () => {
    const reordered = hashes(
      'services:\n  a:\n    expose: ["2", "1"]\n    ports: ["81", "80"]\n    labels: {l2: b, l1: a}\n    environment: {B: "2", A: 1}\n    image: x\n',
    );
    expect(reordered.a).toBe(base.a);
  });

  it('ignores scale and depends_on', () => {
    const scaled = hashes(
      'services:\n  a:\n    image: x\n    scale: 3\n    depends_on: [b]\n    environment: [A=1, B=2]\n    labels: {l1: a, l2: b}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n  b: {image: y}\n',
    );
    expect(scaled.a).toBe(base.a);
  });

  it.each([
    [
      'an env value',
      'services:\n  a:\n    image: x\n    environment: [A=1, B=3]\n    labels: {l1: a, l2: b}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n',
    ],
    [
      'the image reference',
      'services:\n  a:\n    image: x2\n    environment: [A=1, B=2]\n    labels: {l1: a, l2: b}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n',
    ],
    [
      'a label',
      'services:\n  a:\n    image: x\n    environment: [A=1, B=2]\n    labels: {l1: a, l2: c}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n',
    ],
    [
      'the command',
      'services:\n  a:\n    image: x\n    command: run\n    environment: [A=1, B=2]\n    labels: {l1: a, l2: b}\n    ports: ["80", "81"]\n    expose: ["1", "2"]\n',
    ],
  ])('changes with %s', (_what, text) => {
    expect(hashes(text).a).not.toBe(base.a);
  });

  it('keeps command order significant', () => {
    expect(hashes('services:\n  a: {image: x, command: [a, b]}\n').a).not.toBe(
      hashes('services:\n  a: {image: x, command: [b, a]}\n').a,
    );
  });
});
