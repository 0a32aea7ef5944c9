import { ComposeExternalResourceError } from '../errors';
import { parseCompose } from '../model/parse-compose';
import { desiredState } from './desired-state';
import { checkExternalResources } from './external-resources';
import type { ObservedState } from './observed-state';

const FILE = `
services:
  data: {image: x, volumes: ["store:/store"], networks: [shared]}
  other: {image: x}
volumes:
  store: {external: true, name: team-store}
  unused: {external: true}
networks:
  shared: {external: true}
`;
const desired = desiredState(parseCompose(FILE, { file: '/p/docker-compose.yml', env: {} }), {
  project: 'p',
  configFiles: [],
  imageIds: {},
});
const observed = (volumes: string[], networks: string[]): ObservedState => ({
  containers: [],
  volumes,
  networks,
  images: {},
});

describe('checkExternalResources', () => {
  it('names a missing external volume and the services that use it', () => {
    const run = () => checkExternalResources(desired, observed([], ['shared']));
    expect(run).toThrow(ComposeExternalResourceError);
    expect(run).toThrow(/external volume "team-store" not found \(used by service "data"\)/);
  });
  it('names a missing external network', () => {
    expect(() => checkExternalResources(desired, observed(['team-store'], []))).toThrow(
      /external network "shared" not found \(used by service "data"\)/,
    );
  });
  it('accepts existing ones, unused missing ones, and services that do not use them', () => {
    expect(() => checkExternalResources(desired, observed(['team-store'], ['shared']))).not.toThrow();
    expect(() => checkExternalResources(desired, observed([], []), new Set(['other']))).not.toThrow();
  });
});
