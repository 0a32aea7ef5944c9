import { isSettingsProblem } from 'layer:basic';
import { readImage, readWorkload } from './image-setting';

describe('readImage', () => {
  it.each([
    ['redis:7'],
    [' rxcharm/redis '],
    ['registry.local:5000/team/app@sha256:abc'],
    ['dockersamples/examplevotingapp_vote'],
  ])('reads %j, trimmed', (value) => {
    expect(readImage({ image: value }, 'image', 'redis:7')).toBe(value.trim());
  });

  it.each([[''], ['redis 7'], ['redis:7\nservices:'], ['-rm'], [42], [null], [undefined]])(
    'refuses %j, naming the option and an example',
    (value) => {
      const problem = readImage({ redis_image: value }, 'redis_image', 'redis:alpine');
      expect(isSettingsProblem(problem)).toBe(true);
      expect(problem).toEqual({
        option: 'redis_image',
        message: `redis_image must be an image reference such as redis:alpine, got ${JSON.stringify(value ?? null)}`,
      });
    },
  );
});

describe('readWorkload', () => {
  it('reads image and port together', () => {
    expect(readWorkload({ image: ' redis:7 ', port: 6379 }, 'redis:7')).toEqual({ image: 'redis:7', port: 6379 });
  });

  it('names the first bad option', () => {
    expect(readWorkload({ image: 'redis 7', port: 0 }, 'redis:7')).toMatchObject({ option: 'image' });
    expect(readWorkload({ image: 'redis:7', port: 0 }, 'redis:7')).toMatchObject({ option: 'port' });
  });
});
