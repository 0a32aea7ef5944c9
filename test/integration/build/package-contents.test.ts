import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The packed size a charm author downloads (dependencies excluded), reported on every run.
const PACKED_LIMIT = 2 * 1024 * 1024;
const REPO = join(__dirname, '..', '..', '..');

interface PackReport {
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: ReadonlyArray<{ readonly path: string }>;
}

function packReport(): PackReport {
  // --ignore-scripts: dist/ is built before the tests run (npm test builds first).
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm pack --dry-run failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as PackReport[])[0] as PackReport;
}

describe('the npm package', () => {
  const report = packReport();
  const paths = report.files.map((f) => f.path);

  it('packs under 2 MB', () => {
    process.stdout.write(
      `rxcharm package: ${(report.size / 1024).toFixed(0)} kB packed, ${(report.unpackedSize / 1024).toFixed(0)} kB unpacked, ${report.entryCount} files\n`,
    );
    expect(report.size).toBeLessThan(PACKED_LIMIT);
  });

  it('holds the entry points, their declarations, the CLI and the shipped layers', () => {
    for (const path of [
      'bin/rxcharm',
      'dist/rxcharm.js',
      'dist/lib/index.js',
      'dist/types/index.d.ts',
      'dist/lib/docker/index.js',
      'dist/types/docker/index.d.ts',
      'dist/lib/testing/index.js',
      'dist/types/testing/index.d.ts',
      'jest-preset.js',
      'jest-resolver.cjs',
      'scripts/jest-transform.cjs',
      'framework/index.ts',
      'layers/basic/layer.yaml',
      'interfaces/redis/index.ts',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('leaves tests, benchmarks, fixtures, charms and source maps out', () => {
    const unwanted = paths.filter(
      (p) => /\.test\.ts$|\.map$|(^|\/)fixtures\//.test(p) || /^(test|bench|charms|docs|framework\/cli)\//.test(p),
    );
    expect(unwanted).toEqual([]);
  });
});
