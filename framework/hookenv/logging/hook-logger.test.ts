import { Redactor } from '../redactor';
import type { JujuLogLevel } from '../../charm';
import { createHookLogger } from './hook-logger';
import { JujuLogForwarder, jujuLogLevel } from './juju-log-forwarder';

function setup(options: { pretty?: boolean; failJujuLog?: boolean } = {}) {
  const lines: string[] = [];
  const sent: Array<[JujuLogLevel, string]> = [];
  const errors: string[] = [];
  const redactor = new Redactor();
  const forwarder = new JujuLogForwarder(
    {
      jujuLog: async (level, message) => {
        if (options.failJujuLog === true) throw new Error('socket closed');
        sent.push([level, message]);
      },
    },
    (m) => errors.push(m),
  );
  const logger = createHookLogger({
    level: 'debug',
    pretty: options.pretty ?? false,
    redactor,
    write: (l) => lines.push(l),
    jujuLog: forwarder,
    base: { unit: 'a/0', hook: 'install' },
  });
  return { lines, sent, errors, redactor, forwarder, logger };
}

describe('createHookLogger', () => {
  it('writes JSON records and forwards them to juju-log at the matching level, in order', async () => {
    const { lines, sent, forwarder, logger } = setup();
    logger.child({ module: 'charm' }).info({ port: 80 }, 'configured');
    logger.warn('careful');
    logger.debug('details');
    logger.error('broken');
    await forwarder.flush();
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 30,
      unit: 'a/0',
      hook: 'install',
      module: 'charm',
      port: 80,
      msg: 'configured',
    });
    expect(sent).toEqual([
      ['INFO', 'configured {"port":80}'],
      ['WARNING', 'careful'],
      ['DEBUG', 'details'],
      ['ERROR', 'broken'],
    ]);
  });

  it('redacts secret keys and marked values everywhere, errors included', async () => {
    const { lines, sent, forwarder, logger, redactor } = setup();
    redactor.markSecret('hunter2!');
    logger.info({ db: { password: 'pw' }, note: 'has hunter2! inside' }, 'msg hunter2!');
    logger.error({ err: new Error('boom hunter2!') }, 'failed');
    await forwarder.flush();
    const all = [...lines, ...sent.map((s) => s[1])].join('\n');
    expect(all).not.toContain('hunter2!');
    expect(all).not.toContain('"pw"');
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ err: { type: 'Error', message: 'boom [REDACTED]' } });
  });

  it('pretty mode prints readable lines', () => {
    const { lines, logger } = setup({ pretty: true });
    logger.info('hello');
    expect(lines[0]).toMatch(/INFO.*hello/);
    expect(lines[0]?.startsWith('{')).toBe(false);
  });

  it('a failing juju-log is reported once and never breaks logging', async () => {
    const { lines, errors, forwarder, logger } = setup({ failJujuLog: true });
    logger.info('one');
    logger.info('two');
    await forwarder.flush();
    expect(lines).toHaveLength(2);
    expect(errors).toEqual(['juju-log forwarding stopped: socket closed']);
  });

  it('maps pino levels to juju-log levels', () => {
    expect([10, 20, 30, 40, 50, 60].map(jujuLogLevel)).toEqual([
      'TRACE',
      'DEBUG',
      'INFO',
      'WARNING',
      'ERROR',
      'CRITICAL',
    ]);
  });
});
