import { withDefaultHostIp } from './default-host-ip';
import { parseComposeText as parse } from '../../../test/support/parse-compose-text';

describe('withDefaultHostIp', () => {
  it('binds ports that name no host IP to the given address and keeps the others', () => {
    const model = parse(`
services:
  vote:
    image: vote
    ports: ["5000:80", "127.0.0.1:5002:82", {target: 443, published: 8443}]
  worker:
    image: worker
`);
    const bound = withDefaultHostIp(model, '10.213.0.2');
    expect(bound.services.vote!.ports.map((p) => `${p.hostIp}:${p.published}:${p.target}`)).toEqual([
      '10.213.0.2:5000:80',
      '127.0.0.1:5002:82',
      '10.213.0.2:8443:443',
    ]);
    // Services without ports are the same object; the input model is unchanged.
    expect(bound.services.worker).toBe(model.services.worker);
    expect(model.services.vote!.ports[0]!.hostIp).toBe('');
  });
});
