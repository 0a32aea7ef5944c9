import { BallotError, decodeBallot, parseChoice, parseVoterId } from './ballot';

describe('ballots', () => {
  it('accepts a and b only', () => {
    expect(parseChoice('a')).toBe('a');
    expect(parseChoice('b')).toBe('b');
    for (const bad of ['c', 'A', '', undefined, null, 1]) expect(() => parseChoice(bad)).toThrow(BallotError);
  });

  it('limits voter ids to a safe alphabet and length', () => {
    expect(parseVoterId('abc_DEF-123')).toBe('abc_DEF-123');
    for (const bad of ['', 'x'.repeat(65), 'a b', "a'; drop table votes;--", 5]) {
      expect(() => parseVoterId(bad)).toThrow(/voter_id/);
    }
  });

  it('decodes what vote pushes and refuses anything else', () => {
    expect(decodeBallot('{"voter_id":"v1","vote":"b","extra":1}')).toEqual({ voter_id: 'v1', vote: 'b' });
    expect(() => decodeBallot('not json')).toThrow(/not JSON/);
    expect(() => decodeBallot('null')).toThrow(/not an object/);
    expect(() => decodeBallot('{"voter_id":"v1","vote":"x"}')).toThrow(/vote must be/);
  });

  it('keeps the time vote queued the ballot at, and refuses one that is not a time', () => {
    expect(decodeBallot('{"voter_id":"v1","vote":"a","cast_at":1796445349553}')).toEqual({
      voter_id: 'v1',
      vote: 'a',
      cast_at: 1796445349553,
    });
    for (const bad of ['"soon"', '-1', '1.5', 'null'])
      expect(() => decodeBallot(`{"voter_id":"v1","vote":"a","cast_at":${bad}}`)).toThrow(/cast_at must be/);
  });
});
