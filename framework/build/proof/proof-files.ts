import { endpointsOf } from '../hook-scripts';
import { isMap, parseYamlMap, type YamlMap } from '../internal/read-yaml';
import { checkActions, checkConfig } from './proof-config';
import type { ProofFinding } from './proof-finding';
import { checkFlags, type ProofSource } from './proof-flags';
import { checkMetadata } from './proof-metadata';
import { checkTemplates, type TemplateSource } from './proof-templates';

/**
 * Proofs a charm given as a map of path → text (a built charm read from disk, or a layer stack
 * planned in memory). Pure: every rule works on this map.
 */
export function proofFiles(files: ReadonlyMap<string, string>): ProofFinding[] {
  const findings: ProofFinding[] = [];
  const yaml = (path: string): YamlMap | undefined => {
    const text = files.get(path);
    if (text === undefined) return undefined;
    try {
      return parseYamlMap(text, path);
    } catch (error) {
      findings.push({
        severity: 'E',
        file: path,
        message: `FATAL: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`,
      });
      return undefined;
    }
  };
  const metadata = yaml('metadata.yaml');
  if (metadata === undefined) {
    if (!files.has('metadata.yaml'))
      findings.push({ severity: 'E', file: 'metadata.yaml', message: 'FATAL: no metadata.yaml' });
    return findings;
  }
  findings.push(...checkMetadata(metadata));
  const config = yaml('config.yaml');
  if (config !== undefined) findings.push(...checkConfig(config));
  const actions = yaml('actions.yaml');
  if (actions !== undefined) findings.push(...checkActions(actions, (name) => files.has(`actions/${name}`)));
  const layerYaml = yaml('layer.yaml') ?? {};

  const endpoints = endpointsOf(metadata);
  for (const ep of endpoints) {
    if (ep.interface === undefined) continue;
    const index = files.get(`interfaces/${ep.interface}/index.ts`);
    if (index === undefined) {
      findings.push({
        severity: 'W',
        file: 'metadata.yaml',
        message: `${ep.role}.${ep.name}: no interface layer for interface '${ep.interface}' (add interface:${ep.interface} to includes)`,
      });
    } else if (!new RegExp(`\\b${ep.role}\\b`).test(index)) {
      findings.push({
        severity: 'E',
        file: `interfaces/${ep.interface}/index.ts`,
        message: `interface '${ep.interface}' exports no '${ep.role}' class for endpoint ${ep.name}`,
      });
    }
  }

  const options = isMap(config?.['options']) ? Object.keys(config['options'] as YamlMap) : [];
  const sources: ProofSource[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith('.ts') || path.endsWith('.test.ts') || path.endsWith('.d.ts')) continue;
    const iface = /^interfaces\/([^/]+)\//.exec(path)?.[1];
    if (iface !== undefined) sources.push({ file: path, text, interface: iface });
    else sources.push({ file: path, text });
  }
  findings.push(
    ...checkFlags(
      sources,
      { endpoints, configOptions: options },
      statusRuleFlags(layerYaml),
      stringList(layerYaml['external-flags']),
    ),
  );

  const templates: TemplateSource[] = [];
  for (const [path, text] of files) {
    if (!path.startsWith('templates/') || path.endsWith('.context.json')) continue;
    const declaredText = files.get(`${path}.context.json`);
    let declaredKeys: string[] = [];
    if (declaredText !== undefined) {
      try {
        const parsed: unknown = JSON.parse(declaredText);
        declaredKeys = Array.isArray(parsed)
          ? parsed.filter((k): k is string => typeof k === 'string')
          : isMap(parsed)
            ? Object.keys(parsed)
            : [];
      } catch (error) {
        findings.push({
          severity: 'E',
          file: `${path}.context.json`,
          message: `not valid JSON: ${(error as Error).message}`,
        });
      }
    }
    templates.push({ file: path, text, declaredKeys });
  }
  findings.push(...checkTemplates(templates, options, stringList(layerYaml['template-context'])));
  return findings;
}

/** The strings of a YAML list; anything else is treated as an empty list. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Flags that layer:basic's `status-rules` option reads (`until`), so setting them is consuming. */
function statusRuleFlags(layerYaml: YamlMap): string[] {
  const options = layerYaml['options'];
  const basic = isMap(options) ? options['basic'] : undefined;
  const rules = isMap(basic) ? basic['status-rules'] : undefined;
  return Array.isArray(rules)
    ? rules.flatMap((rule) => (isMap(rule) && typeof rule['until'] === 'string' ? [rule['until']] : []))
    : [];
}
