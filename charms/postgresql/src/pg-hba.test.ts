import { hbaLines, withGrantBlock } from './pg-hba';

const IMAGE_HBA = 'local all all trust\nhost all all 0.0.0.0/0 scram-sha-256\n';

describe('pg_hba grant block', () => {
  it('writes one rule per database, role and subnet, first in the file', () => {
    const lines = hbaLines([
      { database: 'votes', user: 'voting-app', subnets: ['10.0.0.7/32', '10.0.0.5/32', '10.0.0.5/32'] },
      { database: 'inventory', user: 'shop', subnets: ['fd00::1/128'] },
    ]);
    expect(lines).toEqual([
      'host "inventory" "shop" fd00::1/128 scram-sha-256',
      'host "votes" "voting-app" 10.0.0.5/32 scram-sha-256',
      'host "votes" "voting-app" 10.0.0.7/32 scram-sha-256',
    ]);
    const text = withGrantBlock(IMAGE_HBA, lines);
    expect(text.split('\n')[1]).toBe(lines[0]);
    expect(text.endsWith(IMAGE_HBA)).toBe(true);
  });

  it('replaces its own block and removes it when no consumer is left', () => {
    const once = withGrantBlock(IMAGE_HBA, hbaLines([{ database: 'a', user: 'a', subnets: ['10.0.0.1/32'] }]));
    const twice = withGrantBlock(once, hbaLines([{ database: 'b', user: 'b', subnets: ['10.0.0.2/32'] }]));
    expect(twice).not.toContain('"a"');
    expect(twice.match(/BEGIN rxcharm/g)).toHaveLength(1);
    expect(withGrantBlock(twice, [])).toBe(IMAGE_HBA);
  });

  it('leaves out subnets and names that could change the rule’s shape', () => {
    expect(
      hbaLines([
        { database: 'ok', user: 'ok', subnets: ['10.0.0.1/32 trust', 'all', ''] },
        { database: 'x" all', user: 'ok', subnets: ['10.0.0.1/32'] },
      ]),
    ).toEqual([]);
  });
});
