import type { DockerClient } from 'rxcharm';
import { pingDocker, unitProjectName } from './docker-engine';

describe('unitProjectName', () => {
  it("names a unit's compose project after the unit, one per unit on a host", () => {
    expect(unitProjectName('redis/0')).toBe('redis-0');
    expect(unitProjectName('voting-app/12')).toBe('voting-app-12');
    expect(unitProjectName('My.App/3')).toBe('my-app-3');
  });
});

describe('pingDocker', () => {
  const client = (ping: () => Promise<void>): DockerClient => ({ host: 'fake', ping }) as unknown as DockerClient;

  it('is true when the daemon answers and false when the call fails', async () => {
    expect(await pingDocker(client(async () => undefined))).toBe(true);
    expect(await pingDocker(client(async () => Promise.reject(new Error('ECONNREFUSED'))))).toBe(false);
  });

  it('is false when no answer comes within the timeout', async () => {
    jest.useFakeTimers();
    try {
      const answer = pingDocker(
        client(() => new Promise<void>(() => undefined)),
        5000,
      );
      jest.advanceTimersByTime(5000);
      expect(await answer).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
