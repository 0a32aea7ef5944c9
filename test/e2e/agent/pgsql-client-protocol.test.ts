/**
 * A client behaving as canonical/ops-lib-pgsql (two units: the non-leader reads the request from
 * leader settings with `leader-get --format=yaml`, the path that used to crash) against a
 * provider publishing the PostgreSQL charm's legacy `db` bag: both units find the master ready,
 * which needs Juju's `egress-subnets` in their own bags and YAML that PyYAML reads.
 */
import { join } from 'node:path';
import { AgentFixture, CHARMS } from './agent-fixture';

const CLIENT = join(__dirname, '..', 'demo', 'fixtures', 'pg-ops-client');

describe('local agent: an ops-lib-pgsql client against a legacy db provider', () => {
  let fx: AgentFixture;
  beforeEach(() => {
    fx = new AgentFixture();
  });
  afterEach(() => fx.dispose());

  it('every client unit finds the published master ready (then tries to connect)', async () => {
    await fx.agent.deploy(join(CHARMS, 'legacy-db-provider'), { app: 'postgresql' });
    await fx.agent.deploy(CLIENT, { app: 'shop', units: 2 });
    await fx.agent.relate('shop:db', 'postgresql:db');
    const units = fx.agent.status().applications.shop!.units;
    for (const name of ['shop/0', 'shop/1']) {
      // the library's _master found a ready master; there is no server behind it, so psql fails
      expect(units[name]).toMatchObject({
        workload: 'waiting',
        message: expect.stringMatching(/^master published but psql failed/),
      });
    }
    expect(fx.agent.report().errors).toEqual([]);
  });
});
