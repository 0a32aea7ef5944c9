import { buildProgram } from './program';
import { COMMAND_FAMILIES, familiesFor } from './command-families';

describe('command families', () => {
  it('lists exactly the top-level commands and aliases each family registers', async () => {
    for (const family of COMMAND_FAMILIES) {
      const program = buildProgram([await family.load()]);
      const registered = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
      expect(registered.sort()).toEqual([...family.commands].sort());
    }
  });

  it('never lets two families claim one command', () => {
    const all = COMMAND_FAMILIES.flatMap((f) => f.commands);
    expect(new Set(all).size).toBe(all.length);
  });

  it('loads only the owning family for a known command', () => {
    expect(familiesFor(['compose', 'up'])).toHaveLength(1);
    expect(familiesFor(['compose', 'up'])[0]?.commands).toContain('compose');
    expect(familiesFor(['relate', 'a', 'b'])[0]?.commands).toContain('relate');
  });

  it('loads every family for help, no command, or an unknown command', () => {
    expect(familiesFor([])).toBe(COMMAND_FAMILIES);
    expect(familiesFor(['--help'])).toBe(COMMAND_FAMILIES);
    expect(familiesFor(['deplyo'])).toBe(COMMAND_FAMILIES);
  });
});
