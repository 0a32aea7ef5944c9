import { parseActionsSchema } from './actions-schema';

describe('parseActionsSchema', () => {
  it('reads params, required and description; an empty action or file is allowed', () => {
    expect(
      parseActionsSchema('backup:\n  description: Back up\n  params: {to: {type: string}}\n  required: [to]\nping:\n'),
    ).toEqual({
      backup: { description: 'Back up', params: { to: { type: 'string' } }, required: ['to'] },
      ping: { params: {}, required: [] },
    });
    expect(parseActionsSchema('')).toEqual({});
  });

  it.each([
    ['Backup: {}\n', 'Backup'],
    ['back_up: {}\n', 'back_up'],
    ['backup: [1]\n', 'backup'],
    ['backup: {params: [to]}\n', 'backup.params'],
    ['backup: {required: to}\n', 'backup.required'],
  ])('refuses %j naming the key %s', (text, key) => {
    expect(() => parseActionsSchema(text, 'c/actions.yaml')).toThrow(
      expect.objectContaining({ code: 'CHARM_FILE', file: 'c/actions.yaml', key }),
    );
  });
});
