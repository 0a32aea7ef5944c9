import { defineHandler, setFlag } from 'rxcharm';

export const start = defineHandler({
  id: 'app:start', when: ['docker.available'], whenNot: ['app.started'],
  run: () => setFlag('app.started'),
});
