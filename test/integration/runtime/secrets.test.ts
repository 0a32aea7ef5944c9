import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useProbeCharm } from './probe-charm';

jest.setTimeout(60_000);

const probe = useProbeCharm({ 'db-password': 'hunter2-s3cret', name: 'marked-by-charm' });

test('secrets never reach stderr or juju-log: secret-named keys, marked values, error messages', async () => {
  const { juju } = probe.unit;
  const ok = await juju.runHook('install', { command: probe.command, env: { RXCHARM_LOG_LEVEL: 'debug' } });
  expect(ok.exitCode).toBe(0);
  // The probe logs the password as a field and inside its message, and logs a value it marked.
  expect(ok.stderr).toContain('configured (secret is [REDACTED])');
  expect(ok.stderr).toContain('"password":"[REDACTED]"');
  expect(ok.stderr).toContain('name is [REDACTED]');

  // A handler error whose message contains the secret.
  juju.setConfig({ fail: 'configured', port: 81 });
  const failed = await juju.runHook('config-changed', { command: probe.command });
  expect(failed.exitCode).toBe(1);
  expect(failed.stderr).toContain('configured exploded with password [REDACTED]');

  // Relation data under a secret-looking key is redacted when logged later.
  const rel = juju.addRelation('db', 'kv');
  juju.addRemoteUnit(rel, 'kv/0', { host: 'h', password: 'relation-pw-123' });
  juju.setConfig({ fail: '' });
  const relHook = await juju.runHook('db-relation-joined', {
    command: probe.command,
    relation: { relationId: rel, remoteUnit: 'kv/0' },
  });
  expect(relHook.exitCode).toBe(0);

  // Hook traces kept on disk for `rxcharm trace` (the failed one names the error) are clean too.
  const traceDir = join(probe.unit.charmDir, '.rxcharm', 'traces');
  const traces = existsSync(traceDir) ? readdirSync(traceDir).map((f) => readFileSync(join(traceDir, f), 'utf8')) : [];
  expect(traces.some((t) => t.includes('handler.failed'))).toBe(true);
  const everything = [ok.stderr, failed.stderr, relHook.stderr, ...juju.logs().map((l) => l.message), ...traces].join(
    '\n',
  );
  expect(everything).not.toContain('hunter2-s3cret');
  expect(everything).not.toContain('marked-by-charm');
  expect(everything).not.toContain('relation-pw-123');
  // Lines did reach juju-log, at the right level, including the failure.
  expect(juju.logs()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ level: 'INFO', message: expect.stringContaining('configured (secret is [REDACTED])') }),
      expect.objectContaining({
        level: 'ERROR',
        message: expect.stringContaining('hook failed: handler probe:reactive/probe.ts:Probe.configured failed'),
      }),
      expect.objectContaining({ level: 'DEBUG', hook: 'install' }),
    ]),
  );
});
