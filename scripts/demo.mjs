#!/usr/bin/env node
/**
 * `npm run demo`: the voting app, deployed standalone and then with Redis and PostgreSQL provided
 * by their own charms, all on the local agent with real containers. Every step is checked; the
 * exit status is 0 only when all checks passed. See docs/demo.md.
 *
 * `npm run demo -- --scale` goes on with the scale story (scripts/demo/scale.mjs): three
 * voting-app units behind the proxy charm, 300 votes through it, a unit removed under load, and the
 * tally checked against the votes cast.
 *
 * Environment: RXCHARM_DEMO_MODEL (model dir, default ./.rxcharm/demo-model),
 * RXCHARM_UNIT_ADDRESS (address published to consumers; default the agent's: docker0's address),
 * RXCHARM_AGENT_SERIAL (1: one hook at a time; default the agent's, parallel), DEMO_VOTE_PORT / DEMO_RESULT_PORT / DEMO_REDIS_PORT / DEMO_POSTGRES_PORT (wanted host ports;
 * the next free port is used when one is taken), DEMO_SKIP_IMAGES=1 (images already built); with --scale also DEMO_PROXY_PORT /
 * DEMO_PROXY_STATS_PORT.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { block, bold, cyan, info, red, step } from './demo/console.mjs';
import { checkDocker, HOW_TO_GET_DOCKER } from './demo/docker-check.mjs';
import {
  buildCharm,
  cli,
  deploy,
  expectActive,
  expectServices,
  projectOf,
  readUnitFile,
  removeOldModel,
  removeProjects,
  statusJson,
} from './demo/model.mjs';
import { freePort } from './demo/ports.mjs';
import { runShown } from './demo/run.mjs';
import { lineDiff, maskSecrets } from './demo/text-diff.mjs';
import { runScaleStory, unitAddress } from './demo/scale.mjs';
import { castVote, waitForResults } from './demo/voting.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const APPS = { voting: 'voting-app', redis: 'redis', postgres: 'postgresql' };
const UNITS = { voting: 'voting-app/0', redis: 'redis/0', postgres: 'postgresql/0' };
const COMPOSE_FILE = ['files', 'voting-app', 'docker-compose.yml'];
/** Units only the scale story creates (their projects are cleaned up like the others). */
const SCALE_UNITS = ['voting-app/1', 'voting-app/2', 'voting-app/3', 'proxy/0'];

/** The command line: `--scale` adds the scale story; anything else is a usage error. */
function parseArgs(argv) {
  const options = { scale: false };
  for (const arg of argv) {
    if (arg === '--scale') options.scale = true;
    else throw new Error(`unknown argument '${arg}' (usage: npm run demo [-- --scale])`);
  }
  return options;
}

async function castBallots(urls, ballots) {
  for (const choice of ballots) await castVote(urls.vote, choice);
  const tally = { a: ballots.filter((b) => b === 'a').length, b: ballots.filter((b) => b === 'b').length };
  info(`cast ${ballots.length} votes through POST ${urls.vote}/vote: ${tally.a} for Cats (a), ${tally.b} for Dogs (b)`);
  return tally;
}

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  process.stdout.write(
    `${bold('rxcharm demo')}: the voting app on the local agent, standalone and then with related redis and postgresql charms${options.scale ? ', then scaled out behind a proxy' : ''}\n`,
  );

  let s = step('Check that a Docker engine is reachable');
  const docker = await checkDocker();
  if (!docker.ok) {
    process.stderr.write(`\n${red('No Docker engine is reachable')}: ${docker.reason}\n\n${HOW_TO_GET_DOCKER}\n`);
    return 1;
  }
  const given = process.env.RXCHARM_UNIT_ADDRESS || undefined;
  s.done(
    `Docker ${docker.server}; ${given === undefined ? 'units publish the addresses the agent gives them (each its own, see docs/local-agent.md)' : `units will publish RXCHARM_UNIT_ADDRESS=${given}`}`,
  );

  const ctx = {
    root,
    modelDir: resolve(process.env.RXCHARM_DEMO_MODEL || join(root, '.rxcharm', 'demo-model')),
    env: { ...process.env, NO_COLOR: '1' },
  };
  delete ctx.env.RXCHARM_MODEL;
  // The main story runs every unit on one shared address (no unit network, see
  // docs/local-agent.md) with the pages on every host address (docker_publish_address=0.0.0.0).
  // The scale story needs units as machines: each unit its own address, publishing its ports
  // there, so three voting-app units can all publish the vote port.
  if (!options.scale) ctx.env.RXCHARM_UNIT_NETWORK = '0';
  const publishEverywhere = options.scale ? {} : { docker_publish_address: '0.0.0.0' };

  s = step(
    `Build the local images (no registry needed): rxcharm/redis, postgres, vote, worker, result${options.scale ? ', haproxy' : ''}`,
  );
  if (process.env.DEMO_SKIP_IMAGES === '1') info('skipped (DEMO_SKIP_IMAGES=1)');
  else
    await runShown(['bash', join(root, 'scripts', 'images', 'build-images.sh')], (line) => block(line), {
      env: ctx.env,
      cwd: root,
    });
  s.done();

  s = step('Build the charms with rxcharm build');
  const charmsDir = join(root, '.rxcharm', 'demo-charms');
  for (const charm of [...Object.values(APPS), ...(options.scale ? ['proxy'] : [])]) {
    const { warnings } = await buildCharm(ctx, join(root, 'charms', charm), join(charmsDir, charm));
    info(
      `charms/${charm} → ${join(charmsDir, charm)}${warnings.length > 0 ? ` (${warnings.length} proof warning(s))` : ''}`,
    );
  }
  s.done();

  s = step(`Start from a fresh model in ${ctx.modelDir}`);
  const old = await removeOldModel(ctx);
  if (old.length > 0) info(`removed the previous demo's applications: ${old.join(', ')}`);
  const leftovers = await removeProjects([...Object.values(UNITS), ...SCALE_UNITS].map(projectOf));
  if (leftovers > 0) info(`removed ${leftovers} leftover container(s) of the previous demo`);
  mkdirSync(ctx.modelDir, { recursive: true });
  const taken = new Set();
  const pick = async (variable, wanted) => {
    const port = await freePort(Number(process.env[variable] || wanted), taken);
    taken.add(port);
    if (port !== Number(process.env[variable] || wanted)) info(`port ${wanted} is busy on this host; using ${port}`);
    return port;
  };
  const ports = {
    vote: await pick('DEMO_VOTE_PORT', 5000),
    result: await pick('DEMO_RESULT_PORT', 5001),
    redis: await pick('DEMO_REDIS_PORT', 6379),
    postgres: await pick('DEMO_POSTGRES_PORT', 5432),
    ...(options.scale
      ? { proxy: await pick('DEMO_PROXY_PORT', 8080), proxyStats: await pick('DEMO_PROXY_STATS_PORT', 8404) }
      : {}),
  };
  s.done();

  s = step('Deploy voting-app standalone (all five services in one compose project)');
  await deploy(ctx, charmsDir, APPS.voting, {
    ...publishEverywhere,
    vote_image: 'rxcharm/vote',
    worker_image: 'rxcharm/worker',
    result_image: 'rxcharm/result',
    redis_image: 'rxcharm/redis',
    postgres_image: 'rxcharm/postgres',
    vote_port: ports.vote,
    result_port: ports.result,
  });
  await expectActive(ctx, [APPS.voting]);
  // With units as machines (--scale) the pages answer on the unit's own address; the main story
  // publishes them on every host address, the loopback included.
  const votingAddress = options.scale ? unitAddress(await statusJson(ctx), UNITS.voting) : '127.0.0.1';
  const urls = { vote: `http://${votingAddress}:${ports.vote}`, result: `http://${votingAddress}:${ports.result}` };
  info(
    `containers of ${projectOf(UNITS.voting)}: ${(await expectServices(projectOf(UNITS.voting), ['vote', 'worker', 'result', 'redis', 'db'])).join(', ')}`,
  );
  s.done();

  s = step('rxcharm status');
  await cli(ctx, ['status']);
  s.done();

  s = step('Vote, and see the votes on the result page (vote → redis → worker → postgres → result)');
  const first = await castBallots(urls, ['a', 'a', 'b']);
  const tally1 = await waitForResults(urls.result, first);
  info(`GET ${urls.result}/api/results → ${JSON.stringify(tally1)}`);
  s.done();

  const before = readUnitFile(ctx, UNITS.voting, ...COMPOSE_FILE);

  s = step('Deploy redis and postgresql as their own applications');
  await deploy(ctx, charmsDir, APPS.redis, { ...publishEverywhere, image: 'rxcharm/redis', port: ports.redis });
  await deploy(ctx, charmsDir, APPS.postgres, {
    ...publishEverywhere,
    image: 'rxcharm/postgres',
    port: ports.postgres,
  });
  const providers = await expectActive(ctx, [APPS.redis, APPS.postgres]);
  for (const line of providers) info(line);
  // The addresses the agent gave the units (each its own on the model's unit network, or one
  // shared address), as the providers publish them ("Ready on <host>:<port>").
  const publishedBy = (line) => {
    const found = given ?? /Ready on (\S+):\d+/.exec(line ?? '')?.[1];
    if (found === undefined) throw new Error(`could not read the published address from: ${line}`);
    return found;
  };
  const address = { redis: publishedBy(providers[0]), postgres: publishedBy(providers[1]) };
  info(
    `redis/0 publishes ${address.redis}, postgresql/0 ${address.postgres}: every container on this Docker host reaches the ports published there`,
  );
  s.done();

  s = step('Relate voting-app to both (endpoints inferred from the interfaces)');
  await cli(ctx, ['relate', APPS.voting, APPS.redis]);
  await cli(ctx, ['relate', APPS.voting, APPS.postgres]);
  await cli(ctx, ['wait', '--timeout', '120s']);
  for (const line of await expectActive(ctx, Object.values(APPS))) info(line);
  s.done();

  s = step(
    'The compose file swap: the bundled redis and db services are gone, REDIS_* and PG_* point at the related units',
  );
  const after = readUnitFile(ctx, UNITS.voting, ...COMPOSE_FILE);
  const diff = lineDiff(maskSecrets(before), maskSecrets(after)).filter((l) => !l.startsWith('  '));
  block(diff.join('\n'));
  const problems = [];
  if (/^\s{2}redis:\s*$/m.test(after)) problems.push('the redis service is still in the compose file');
  if (/^\s{2}db:\s*$/m.test(after)) problems.push('the db service is still in the compose file');
  if (!after.includes(`REDIS_HOST: "${address.redis}"`) || !after.includes(`REDIS_PORT: "${ports.redis}"`))
    problems.push(`REDIS_HOST/REDIS_PORT are not ${address.redis}:${ports.redis}`);
  if (!after.includes(`PG_HOST: "${address.postgres}"`) || !after.includes(`PG_PORT: "${ports.postgres}"`))
    problems.push(`PG_HOST/PG_PORT are not ${address.postgres}:${ports.postgres}`);
  if (problems.length > 0) throw new Error(`compose file after relating: ${problems.join('; ')}`);
  info(
    `containers of ${projectOf(UNITS.voting)}: ${(await expectServices(projectOf(UNITS.voting), ['vote', 'worker', 'result'])).join(', ')}`,
  );
  info(
    `containers of ${projectOf(UNITS.redis)}: ${(await expectServices(projectOf(UNITS.redis), ['redis'])).join(', ')}; of ${projectOf(UNITS.postgres)}: ${(await expectServices(projectOf(UNITS.postgres), ['postgresql'])).join(', ')}`,
  );
  s.done();

  s = step('rxcharm status');
  await cli(ctx, ['status']);
  s.done();

  s = step('Vote again: the votes now go through the related redis and land in the related postgresql');
  info('(the result page now reads the new database, so the tally starts from these votes)');
  const second = await castBallots(urls, ['b', 'b', 'a', 'b']);
  const tally2 = await waitForResults(urls.result, second);
  info(`GET ${urls.result}/api/results → ${JSON.stringify(tally2)}`);
  s.done();

  const scaled = options.scale ? await runScaleStory(ctx, { charmsDir, ports }) : undefined;

  const minutes = ((Date.now() - started) / 1000).toFixed(0);
  process.stdout.write(`\n${bold('Every check passed')} in ${minutes}s. The demo keeps running:\n`);
  process.stdout.write(`  vote:     ${cyan(`${urls.vote}/`)}\n`);
  process.stdout.write(`  results:  ${cyan(`${urls.result}/`)}  (JSON: /api/results)\n`);
  process.stdout.write(
    `  redis:    ${address.redis}:${ports.redis}   postgresql: ${address.postgres}:${ports.postgres}\n`,
  );
  if (scaled) process.stdout.write(`  proxy:    ${cyan(`${scaled.proxyUrl}/`)}  (voting-app/0 and /1 behind it)\n`);
  process.stdout.write(`  model:    ./bin/rxcharm status --model ${ctx.modelDir}\n`);
  process.stdout.write(`  clean up: ./bin/rxcharm destroy-model --model ${ctx.modelDir}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`\n${red('demo failed')}: ${error.message}\n`);
    process.stderr.write(
      'Inspect with ./bin/rxcharm status / debug-log --model <model dir>; `npm run demo` starts over cleanly.\n',
    );
    process.exit(1);
  },
);
