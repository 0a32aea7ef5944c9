/**
 * Compose convergence benchmark: `rxcharm compose ... up` against `docker-compose ... up -d`
 * (Debian's v1), both as whole processes, on a 5-service file shaped like the voting-app's
 * standalone formation (vote, redis, worker, db, result on front/back networks), using the local
 * voting-app images when present (docs/images.md), else busybox stand-ins. Each case alternates the two tools for PAIRS pairs and reports medians.
 *
 * Cases: `compose-noop-up` (nothing changed) and `compose-one-change` (one service's environment
 * changed, so exactly one container is recreated by each tool).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeProject, uniqueName } from '../test/support/docker-cleanup';
import { ensureBusyboxImage } from '../test/support/docker-images';

/** One result line. */
export interface BenchRecord {
  readonly bench: string;
  readonly rxcharm_ms: number;
  readonly peer_ms: number;
  readonly ratio: number;
  readonly pairs: number;
  /** `voting-app` (the real local images) or `busybox` (stand-ins under the same service names). */
  readonly images: string;
}

const PAIRS = Number(process.env.BENCH_PAIRS ?? 7);
/** The built CLI; run from the repository root (as `npm run bench` does) or set RXCHARM_CLI. */
const CLI = resolve(process.env.RXCHARM_CLI ?? 'dist/rxcharm.js');

const VOTING_IMAGES = ['vote', 'result', 'worker', 'redis', 'postgres'].map((n) => `rxcharm/${n}:latest`);

/** The voting-app images when `scripts/images/build-images.sh` made them, else busybox under the same names. */
function images(): { readonly kind: 'voting-app' | 'busybox'; readonly of: (svc: string) => string } {
  const present = spawnSync('docker', ['image', 'inspect', ...VOTING_IMAGES], { stdio: 'ignore' }).status === 0;
  if (present) return { kind: 'voting-app', of: (svc) => `rxcharm/${svc === 'db' ? 'postgres' : svc}:latest` };
  const busybox = ensureBusyboxImage();
  return { kind: 'busybox', of: () => busybox };
}

function composeFile(kind: 'voting-app' | 'busybox', of: (svc: string) => string, round: number): string {
  // busybox needs a long-running command; the real images bring their own.
  const cmd = kind === 'busybox' ? '    command: sleep 1d\n' : '';
  const svc = (name: string, extra: string) =>
    `  ${name}:\n    image: ${of(name)}\n${cmd}    init: true\n    labels: {rxcharm.test: bench}\n${extra}`;
  return `version: "2.1"
services:
${svc('vote', '    ports: ["127.0.0.1::80"]\n    depends_on: [redis]\n    networks: [front-tier, back-tier]\n')}
${svc('result', '    ports: ["127.0.0.1::80"]\n    depends_on: [db]\n    environment:\n      PG_PASS: postgres\n    networks: [front-tier, back-tier]\n')}
${svc('worker', `    environment:\n      PG_PASS: postgres\n      ROUND: "${round}"\n    depends_on: [redis, db]\n    networks: [back-tier]\n`)}
${svc('redis', '    networks: [back-tier]\n')}
${svc('db', '    environment:\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD: postgres\n    networks: [back-tier]\n')}
networks:
  front-tier: {}
  back-tier: {}
`;
}

function timed(cmd: string, args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Runs both cases; prints and returns one record per case. */
export async function run(): Promise<BenchRecord[]> {
  const { kind, of } = images();
  const dir = mkdtempSync(join(tmpdir(), 'rxcharm-bench-'));
  const file = join(dir, 'docker-compose.yml');
  const ours = uniqueName('rxbench');
  const peer = uniqueName('v1bench');
  const rx = () => timed('node', [CLI, 'compose', '-f', file, '-p', ours, 'up'], dir);
  const v1 = () => timed('docker-compose', ['-f', file, '-p', peer, 'up', '-d'], dir);
  const records: BenchRecord[] = [];
  try {
    let round = 0;
    writeFileSync(file, composeFile(kind, of, round));
    rx(); // cold up, not measured
    v1();
    const measure = (bench: string, before: () => void): BenchRecord => {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < PAIRS; i++) {
        before();
        // Alternate who goes first so neither tool always meets a warmer daemon.
        if (i % 2 === 0) {
          a.push(rx());
          b.push(v1());
        } else {
          b.push(v1());
          a.push(rx());
        }
      }
      const rxcharm = median(a);
      const peerMs = median(b);
      const record = {
        bench,
        rxcharm_ms: round2(rxcharm),
        peer_ms: round2(peerMs),
        ratio: round2(rxcharm / peerMs),
        pairs: PAIRS,
        images: kind,
      };
      return record;
    };
    records.push(measure('compose-noop-up', () => {}));
    records.push(measure('compose-one-change', () => writeFileSync(file, composeFile(kind, of, ++round))));
  } finally {
    removeProject(ours);
    removeProject(peer);
    rmSync(dir, { recursive: true, force: true });
  }
  return records;
}

if (require.main === module) {
  run()
    .then((records) => {
      for (const r of records) process.stdout.write(`${JSON.stringify(r)}\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
