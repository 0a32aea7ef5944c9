import { ComposeUsageError } from '../errors';
import { containerName, normalizeProjectName, projectName, resourceName } from './naming';

describe('naming', () => {
  it('normalizes like docker-compose v1', () => {
    expect(normalizeProjectName('_My App.2')).toBe('myapp2');
  });
  it('prefers explicit, then file name, then directory', () => {
    expect(projectName('abc', 'file', '/x/dir')).toBe('abc');
    expect(projectName(undefined, 'From File', '/x/dir')).toBe('fromfile');
    expect(projectName(undefined, undefined, '/x/My-Dir')).toBe('my-dir');
  });
  it('rejects explicit names that are not normalized', () => {
    expect(() => projectName('Bad Name', undefined, '/x')).toThrow(ComposeUsageError);
  });
  it('names containers and resources', () => {
    expect(containerName('p', 'web', 2)).toBe('p_web_2');
    expect(resourceName('p', 'default', { external: false })).toBe('p_default');
    expect(resourceName('p', 'ext', { external: true })).toBe('ext');
    expect(resourceName('p', 'n', { name: 'custom', external: false })).toBe('custom');
  });
});
