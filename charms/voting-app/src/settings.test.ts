import { isSettingsProblem } from 'layer:basic';
import { readSettings } from './settings';

const good = {
  vote_image: 'dockersamples/examplevotingapp_vote',
  worker_image: 'dockersamples/examplevotingapp_worker',
  result_image: 'dockersamples/examplevotingapp_result',
  redis_image: 'redis:alpine',
  postgres_image: 'postgres:15-alpine',
  vote_port: 5000,
  result_port: 5001,
};

describe('readSettings', () => {
  it('reads valid config', () => {
    const s = readSettings(good);
    expect(isSettingsProblem(s)).toBe(false);
    expect(s).toEqual({
      images: {
        vote: good.vote_image,
        worker: good.worker_image,
        result: good.result_image,
        redis: 'redis:alpine',
        postgres: 'postgres:15-alpine',
      },
      votePort: 5000,
      resultPort: 5001,
    });
  });

  it.each([
    [{ vote_port: 0 }, 'vote_port'],
    [{ vote_port: 65536 }, 'vote_port'],
    [{ result_port: -1 }, 'result_port'],
    [{ result_port: 1.5 }, 'result_port'],
    [{ result_port: 5000 }, 'result_port'],
    [{ vote_image: '' }, 'vote_image'],
    [{ redis_image: 'redis alpine' }, 'redis_image'],
    [{ postgres_image: undefined }, 'postgres_image'],
  ])('names the option for %j', (patch, option) => {
    const s = readSettings({ ...good, ...patch });
    expect(isSettingsProblem(s)).toBe(true);
    expect(s).toMatchObject({ option });
    expect((s as { message: string }).message).toContain(option);
  });
});
