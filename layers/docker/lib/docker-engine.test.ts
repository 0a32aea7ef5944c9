import { unitProjectName } from './docker-engine';

describe('unitProjectName', () => {
  it("names a unit's compose project after the unit, one per unit on a host", () => {
    expect(unitProjectName('redis/0')).toBe('redis-0');
    expect(unitProjectName('voting-app/12')).toBe('voting-app-12');
    expect(unitProjectName('My.App/3')).toBe('my-app-3');
  });
});
