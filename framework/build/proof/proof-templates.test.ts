import { checkTemplates, templateKeys } from './proof-templates';

describe('templateKeys', () => {
  it('finds top-level keys, block and helper arguments, skipping each/with scopes, comments, partials and literals', () => {
    const text =
      '{{ image }}\n{{{raw}}}\n{{#if tls}}{{cert.path}}{{else}}x{{/if}}\n{{#each hosts}}{{name}}{{@index}}{{/each}}\n{{! note }}{{> part}}\n{{yaml port "x" 3}}\n{{this}}';
    expect(templateKeys(text)).toEqual([
      { key: 'image', line: 1 },
      { key: 'raw', line: 2 },
      { key: 'tls', line: 3 },
      { key: 'cert', line: 3 },
      { key: 'hosts', line: 4 },
      { key: 'port', line: 6 },
    ]);
  });
});

describe('checkTemplates', () => {
  it('accepts config options in dash, snake and camel form and declared keys', () => {
    const findings = checkTemplates(
      [
        {
          file: 'templates/a.yaml',
          text: '{{vote-port}} {{vote_port}} {{votePort}} {{redis_host}} {{db}} {{missing}}',
          declaredKeys: ['db'],
        },
      ],
      ['vote-port'],
      ['redis_host'],
    );
    expect(findings).toEqual([
      {
        severity: 'W',
        file: 'templates/a.yaml',
        message:
          "line 1: template key 'missing' is not a config option and no context declares it (a.yaml.context.json or layer.yaml template-context)",
      },
    ]);
  });
});
