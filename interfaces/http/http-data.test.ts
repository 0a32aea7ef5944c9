import { readHttpServices } from './http-data';

describe('readHttpServices', () => {
  it('groups hosts by application, sorted', () => {
    const { services, problems } = readHttpServices([
      { unit: 'web/10', data: { hostname: 'w10', port: '80' } },
      { unit: 'api/0', data: { 'private-address': '10.0.0.3', port: '8080' } },
      { unit: 'web/2', data: { hostname: 'w2', port: '80', 'private-address': '10.0.0.2' } },
    ]);
    expect(problems).toEqual([]);
    expect(services).toEqual([
      { serviceName: 'api', hosts: [{ unit: 'api/0', hostname: '10.0.0.3', port: 8080, privateAddress: '10.0.0.3' }] },
      {
        serviceName: 'web',
        hosts: [
          { unit: 'web/2', hostname: 'w2', port: 80, privateAddress: '10.0.0.2' },
          { unit: 'web/10', hostname: 'w10', port: 80 },
        ],
      },
    ]);
  });

  it('leaves out units with a missing or bad port and names them', () => {
    const { services, problems } = readHttpServices([
      { unit: 'web/0', data: { hostname: 'a' } },
      { unit: 'web/1', data: { hostname: 'b', port: 'http' } },
    ]);
    expect(services).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ unit: 'web/0', key: 'port', kind: 'missing' }),
      expect.objectContaining({ unit: 'web/1', key: 'port', kind: 'invalid' }),
    ]);
  });

  it('merges the extra addresses of extended_data (as the ecosystem publishes them), without duplicates', () => {
    const { services, problems } = readHttpServices([
      {
        unit: 'web/0',
        data: {
          hostname: '10.0.0.2',
          'private-address': '10.0.0.2',
          port: '80',
          extended_data: JSON.stringify([
            { hostname: '10.0.0.2', 'private-address': '10.0.0.2', port: 8080 },
            { hostname: '10.0.0.2', 'private-address': '10.0.0.2', port: '80' },
            { hostname: 'bad host', port: '80' },
          ]),
        },
      },
      { unit: 'web/1', data: { hostname: 'w1', port: '80', extended_data: '{"not":"a list"}' } },
    ]);
    expect(services).toEqual([
      {
        serviceName: 'web',
        hosts: [
          { unit: 'web/0', hostname: '10.0.0.2', port: 80, privateAddress: '10.0.0.2' },
          { unit: 'web/0', hostname: '10.0.0.2', port: 8080, privateAddress: '10.0.0.2' },
          { unit: 'web/1', hostname: 'w1', port: 80 },
        ],
      },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ unit: 'web/0', key: 'hostname', kind: 'invalid' }),
      expect.objectContaining({ unit: 'web/1', key: 'extended_data', kind: 'invalid' }),
    ]);
  });
});
