/**
 * The demo's scale story (`npm run demo -- --scale`), run after the main story: three voting-app
 * units on the related redis and postgresql, the proxy charm balancing over them, 300 votes through
 * the proxy served by at least three containers, one unit removed while votes keep flowing, and
 * the result page's tally equal to the votes cast. Every check that fails throws.
 */
import { info, step } from './console.mjs';
import { cli, deploy, expectActive, statusJson } from './model.mjs';
import { run } from './run.mjs';
import { castLoad, waitForBackends } from './vote-load.mjs';
import { readResults, waitForResults } from './voting.mjs';

/** The ballots the scale story casts through the proxy. */
export const SCALE_VOTES = 300;

/** A unit's address from `status --format json` (the agent's own per unit), else the loopback. */
export function unitAddress(status, unit) {
  const [app] = unit.split('/');
  return status.applications?.[app]?.units?.[unit]?.address ?? '127.0.0.1';
}

/** The units of `app` in the status, sorted by number. */
export function unitsOf(status, app) {
  return Object.keys(status.applications?.[app]?.units ?? {}).sort(
    (a, b) => Number(a.split('/')[1]) - Number(b.split('/')[1]),
  );
}

/**
 * Runs the scale story on the model the main story left (voting-app related to redis and
 * postgresql). `ctx` is the demo's; `charmsDir` holds the built proxy charm; `ports` the proxy's
 * host ports (`proxy`, `proxyStats`) and the result port.
 */
export async function runScaleStory(ctx, { charmsDir, ports }) {
  let s = step('Scale out: relate external redis and postgresql (needed by every unit beyond the leader)');
  let status = await statusJson(ctx);
  const related = (other) =>
    (status.relations ?? []).some((r) => JSON.stringify(r).includes('voting-app') && JSON.stringify(r).includes(other));
  for (const other of ['redis', 'postgresql']) {
    if (related(other)) info(`voting-app is already related to ${other}`);
    else await cli(ctx, ['relate', 'voting-app', other]);
  }
  s.done();

  s = step('Deploy the proxy charm (HAProxy) and relate it to voting-app:voting');
  await deploy(ctx, charmsDir, 'proxy', {
    image: 'rxcharm/haproxy',
    port: ports.proxy,
    'stats-port': ports.proxyStats,
  });
  await cli(ctx, ['relate', 'proxy:backends', 'voting-app:voting']);
  await cli(ctx, ['wait', '--timeout', '180s']);
  for (const line of await expectActive(ctx, ['proxy'])) info(line);
  status = await statusJson(ctx);
  const proxyUrl = `http://${unitAddress(status, 'proxy/0')}:${ports.proxy}`;
  const alone = await waitForBackends(proxyUrl, 1);
  info(`GET ${proxyUrl}/ is answered by voting-app/0's vote container ${alone.join(', ')}`);
  s.done();

  s = step(
    'Add two voting-app units: each gets its own address, all use the same redis and postgresql, the proxy follows',
  );
  await cli(ctx, ['add-unit', 'voting-app', '-n', '2']);
  await cli(ctx, ['wait', '--timeout', '300s']);
  for (const line of await expectActive(ctx, ['voting-app'])) info(line);
  status = await statusJson(ctx);
  const units = unitsOf(status, 'voting-app');
  if (units.length !== 3) throw new Error(`expected 3 voting-app units, status has ${units.join(', ')}`);
  const addresses = units.map((u) => unitAddress(status, u));
  info(units.map((u, i) => `${u} at ${addresses[i]}`).join(', '));
  if (new Set(addresses).size !== units.length)
    throw new Error(`the units do not have an address each: ${addresses.join(', ')}`);
  const serving = await waitForBackends(proxyUrl, 3);
  info(`the proxy followed the new units: GET ${proxyUrl}/ is answered by ${serving.join(', ')}`);
  s.done();

  const leader = units[0];
  const resultUrl = `http://${unitAddress(status, leader)}:${ports.result}`;
  const base = await readResults(resultUrl);
  info(`tally before the scale votes (${resultUrl}/api/results): ${JSON.stringify(base)}`);

  s = step(`Cast ${SCALE_VOTES} votes through the proxy`);
  const first = await castLoad(proxyUrl, { concurrency: 8, shouldStop: (i) => i >= SCALE_VOTES });
  const servedBy = [...first.servedBy].map(([c, n]) => `${c}: ${n}`);
  info(
    `${first.cast.a + first.cast.b} votes accepted (${first.cast.a} a, ${first.cast.b} b), served by ${servedBy.join(', ')}`,
  );
  if (first.failed > 0) throw new Error(`${first.failed} of ${first.sent} votes failed: ${first.errors.join('; ')}`);
  if (first.servedBy.size < 3)
    throw new Error(`only ${first.servedBy.size} container(s) served the votes (${servedBy.join(', ')}), expected 3`);
  s.done();

  const removed = units[units.length - 1];
  s = step(`Remove ${removed} while votes keep flowing through the proxy`);
  let removing = true;
  let stopAt;
  const flow = castLoad(proxyUrl, {
    concurrency: 4,
    paceMs: 20,
    retry: true,
    // Keep voting until the unit is gone, and a little after.
    shouldStop: (i) => {
      if (!removing) stopAt ??= i + 50;
      return stopAt !== undefined && i >= stopAt;
    },
  });
  await new Promise((r) => setTimeout(r, 1000));
  await cli(ctx, ['remove-unit', removed]);
  await cli(ctx, ['wait', '--timeout', '180s']);
  removing = false;
  const second = await flow;
  info(
    `${second.cast.a + second.cast.b} votes accepted during the removal (${second.failed} request(s) failed and were sent again with the same voter id), served by ${[...second.servedBy].map(([c, n]) => `${c}: ${n}`).join(', ')}`,
  );
  if (second.errors.length > 0) info(`first failures (each sent again): ${second.errors.join('; ')}`);
  status = await statusJson(ctx);
  if (unitsOf(status, 'voting-app').includes(removed)) throw new Error(`${removed} is still in the model`);
  const left = await run(
    ['docker', 'ps', '-q', '--filter', `label=com.docker.compose.project=${removed.replace('/', '-')}`],
    {
      check: true,
    },
  );
  if (left.stdout.trim() !== '') throw new Error(`containers of ${removed} are still running`);
  for (const line of await expectActive(ctx, ['voting-app', 'proxy'])) info(line);
  s.done();

  s = step('The tally on the result page equals the votes cast: none lost, none counted twice');
  const expected = {
    a: base.a + first.cast.a + second.cast.a,
    b: base.b + first.cast.b + second.cast.b,
  };
  const cast = first.cast.a + first.cast.b + second.cast.a + second.cast.b;
  const tally = await waitForResults(resultUrl, expected, { timeoutMs: 90_000 });
  info(`GET ${resultUrl}/api/results → ${JSON.stringify(tally)} = ${JSON.stringify(base)} before + ${cast} cast`);
  s.done();

  s = step('rxcharm status');
  await cli(ctx, ['status']);
  s.done();
  return { proxyUrl, cast, tally };
}
