import { join } from 'node:path';
import { formatFinding, proofCharm, proofExitCode } from '../../../framework/build';
import { MERGE, REPO, tempDir, writeTree } from './helpers';

// Spawns node processes (bundles, hooks, the CLI): allow for a loaded machine.
jest.setTimeout(120_000);

const searchPath = {
  layers: [join(REPO, 'layers')],
  interfaces: [join(REPO, 'interfaces'), join(MERGE, 'interfaces')],
};

describe('rxcharm proof on a crafted broken layer', () => {
  const lines = proofCharm(join(REPO, 'test', 'fixtures', 'layers', 'proof-broken'), searchPath).map(formatFinding);

  it.each([
    'E metadata.yaml: requires.db.scope: must be global or container, got "planet"',
    'E config.yaml: options.port: default "eighty" is not of type int',
    "E config.yaml: options.mode: type 'enum' is not one of string, int, float, boolean, secret",
    "W metadata.yaml: requires.cache: no interface layer for interface 'redis-nowhere' (add interface:redis-nowhere to includes)",
    "E reactive/broken.ts: handler BrokenCharm.contradiction (line 6) can never run: it waits for 'app.ready' both set and not set",
    "W reactive/broken.ts: handler BrokenCharm.configure (line 11) waits for flag 'app.configured', which no layer, interface, trigger or the runtime sets",
    "W reactive/broken.ts: handler BrokenCharm.colour (line 24) waits for any of 'config.changed.colour', 'config.set.colour', and none of them is ever set",
    "I reactive/broken.ts: flag 'app.orphan' (line 29) is set but no handler or trigger consumes it",
  ])('reports: %s', (line) => {
    expect(lines).toContain(line);
  });

  it('reports template keys that neither config nor a declared context provides', () => {
    const templateLines = lines.filter((line) => line.startsWith('W templates/app.env.tmpl:'));
    expect(templateLines.map((line) => /template key '([^']+)'/.exec(line)?.[1])).toEqual(['db_user', 'tls_enabled']);
  });

  it('does not flag flags the runtime sets or that the layer sets and reads', () => {
    expect(lines.join('\n')).not.toMatch(
      /'(config\.changed\.port|endpoint\.db\.joined|endpoint\.db\.changed|app\.ready|app\.stopped)'.*(waits|set but)/,
    );
  });

  it('exits 200 with errors', () => {
    expect(proofExitCode(proofCharm(join(REPO, 'test', 'fixtures', 'layers', 'proof-broken'), searchPath))).toBe(200);
  });

  it('turns a layer that cannot be merged into one FATAL finding naming the file and line', () => {
    const findings = proofCharm(join(MERGE, 'top'), { layers: [], interfaces: [] });
    expect(findings).toHaveLength(1);
    expect(formatFinding(findings[0]!)).toMatch(
      /^E layer.yaml: FATAL: layer not found: layer:mid-b; included by merged-app/,
    );
  });

  it('reports malformed YAML of a layer as FATAL with file:line', () => {
    using tmp = tempDir('proof-yaml');
    writeTree(tmp.dir, { 'metadata.yaml': 'name: x\nsummary: y\ntags: [a\n' });
    const lines = proofCharm(tmp.dir, { layers: [], interfaces: [] }).map(formatFinding);
    expect(lines).toEqual([expect.stringMatching(/^E metadata\.yaml:\d+: FATAL: invalid layer file: /)]);
  });
});
