import { readyMessage } from './ready-message';

describe('hello readyMessage', () => {
  it('starts with the configured greeting', () => {
    expect(readyMessage('hi', 'hello')).toBe('hi from hello');
  });

  it('falls back to hello for a blank greeting', () => {
    expect(readyMessage('  ', 'hello')).toBe('hello from hello');
  });
});
