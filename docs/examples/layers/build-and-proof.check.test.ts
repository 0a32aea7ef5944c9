/** Runs the "programmatic use" sample of docs/layers.md on the getting-started layer. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndProof } from './build-and-proof';

// esbuild bundles the charm: allow for a loaded machine.
jest.setTimeout(60_000);

it('builds docs/examples/hello into a complete charm that proofs with no findings', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'rxcharm-docs-build-')), 'hello');
  try {
    const findings = await buildAndProof(join(__dirname, '..', 'hello'), out);
    expect(findings).toEqual([]); // the page: a created layer "builds and proofs with no findings"
    for (const file of ['dispatch', 'hooks/install', 'lib/charm.js', 'metadata.yaml', '.build.manifest']) expect({ file, exists: existsSync(join(out, file)) }).toEqual({ file, exists: true });
    expect(readFileSync(join(out, 'layer.yaml'), 'utf8')).toContain('is: hello');
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
  }
});
