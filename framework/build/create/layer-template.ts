/** Names derived from the new layer's name, used by the templates. */
export interface TemplateNames {
  /** The layer and charm name (`my-app`). */
  readonly name: string;
  /** PascalCase class prefix (`MyApp`). */
  readonly className: string;
  /** camelCase identifier (`myApp`). */
  readonly camelName: string;
}

/** Derives the template names from a layer name. */
export function templateNames(name: string): TemplateNames {
  const className = name
    .split('-')
    .filter((part) => part.length > 0)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
  return { name, className, camelName: className.charAt(0).toLowerCase() + className.slice(1) };
}

/**
 * The files of a new layer, path → content. The handler sets `<name>.installed` once and
 * reports status; its message comes from a pure function in `lib/` that the layer's own test
 * checks, so the test runs without Juju.
 */
export function layerTemplateFiles(names: TemplateNames): Record<string, string> {
  const { name, className, camelName } = names;
  return {
    'layer.yaml': `# Layers this charm builds on; rxcharm build resolves them from the search path.
includes:
  - layer:basic
options:
  basic:
    install-node: true
`,
    'metadata.yaml': `name: ${name}
summary: ${name} charm (one line, 72 characters at most)
maintainer: Your Name <you@example.com>
description: |
  Describe what ${name} deploys and how to relate it.
tags:
  - misc
`,
    'config.yaml': `options:
  greeting:
    type: string
    default: hello
    description: Word the unit status starts with.
`,
    [`reactive/${name}.ts`]: `import { Charm, when, whenNot } from 'rxcharm';
import { readyMessage } from '../lib';

/** Handlers of the ${name} charm. */
export class ${className}Charm extends Charm {
  /** Runs once: installs the workload, then marks it installed. */
  @whenNot('${name}.installed')
  async install(): Promise<void> {
    await this.status.maintenance('installing ${name}');
    this.setFlag('${name}.installed');
  }

  /** Reports readiness whenever the unit is installed. */
  @when('${name}.installed')
  async ready(): Promise<void> {
    await this.status.active(readyMessage(this.config.get<string>('greeting') ?? 'hello', '${name}'));
  }
}
`,
    'lib/index.ts': `/**
 * Library of the ${name} layer: import it as \`layer:${name}\` from layers above.
 */
export { readyMessage } from './ready-message';
`,
    'lib/ready-message.ts': `/** The active status message of a ready unit, e.g. \`hello from ${name}\`. */
export function readyMessage(greeting: string, charm: string): string {
  const word = greeting.trim().length > 0 ? greeting.trim() : 'hello';
  return \`\${word} from \${charm}\`;
}
`,
    'lib/ready-message.test.ts': `import { readyMessage } from './ready-message';

describe('${camelName} readyMessage', () => {
  it('starts with the configured greeting', () => {
    expect(readyMessage('hi', '${name}')).toBe('hi from ${name}');
  });

  it('falls back to hello for a blank greeting', () => {
    expect(readyMessage('  ', '${name}')).toBe('hello from ${name}');
  });
});
`,
    'README.md': `# ${name}

A reactive charm layer written with rxcharm.

## Build and check

\`\`\`sh
rxcharm build . -o build/${name}   # merges layer:basic, bundles lib/charm.js
rxcharm proof build/${name}        # lint: metadata, config, flags, templates
rxcharm pack build/${name}         # ${name}.charm for \`juju deploy ./${name}.charm\`
\`\`\`

## Layout

- \`layer.yaml\`: includes and layer options.
- \`metadata.yaml\`, \`config.yaml\`: merged over the included layers' files.
- \`reactive/${name}.ts\`: handlers (\`@when\`, \`@whenNot\`, \`@hook\`).
- \`lib/\`: code other layers import as \`layer:${name}\`; \`lib/*.test.ts\` are its tests (jest).
`,
  };
}
