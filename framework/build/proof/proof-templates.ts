import type { ProofFinding } from './proof-finding';

/** A template file: path shown in findings and its text. */
export interface TemplateSource {
  readonly file: string;
  readonly text: string;
  /** Keys declared for this template in its `<template>.context.json`, if any. */
  readonly declaredKeys: readonly string[];
}

/**
 * Top-level context keys a handlebars template reads: `{{ key }}`, `{{{ key }}}`, `{{ key.sub }}`
 * (as `key`), block helper arguments (`{{#if key}}`) and helper arguments. Keys inside
 * `{{#each}}` / `{{#with}}` blocks are relative to the item and are skipped. Pure.
 */
export function templateKeys(text: string): Array<{ key: string; line: number }> {
  const out: Array<{ key: string; line: number }> = [];
  let scoped = 0;
  for (const match of text.matchAll(/\{\{\{?~?\s*([^}]*?)\s*~?\}?\}\}/g)) {
    const body = (match[1] ?? '').trim();
    const line = text.slice(0, match.index ?? 0).split('\n').length;
    if (body.startsWith('!') || body.startsWith('>')) continue;
    if (body.startsWith('/')) {
      if (/^\/(each|with)\b/.test(body) && scoped > 0) scoped -= 1;
      continue;
    }
    let tokens = body.split(/\s+/).filter((token) => token.length > 0);
    let opensScope = false;
    if (body.startsWith('#') || body.startsWith('^')) {
      opensScope = /^#(each|with)\b/.test(body);
      tokens = tokens.slice(1);
    } else if (tokens.length > 1) tokens = tokens.slice(1); // a helper call: its arguments are keys
    if (tokens[0] === 'else') tokens = tokens.slice(1);
    if (scoped === 0) {
      for (const token of tokens) {
        if (token.includes('=') || /^(['"]|\d|-\d|true$|false$|null$|undefined$|this\b|@|\.\.?\/|\()/.test(token))
          continue;
        const key = token.split(/[.[]/)[0];
        if (key !== undefined && key.length > 0) out.push({ key, line });
      }
    }
    if (opensScope) scoped += 1;
  }
  return out;
}

/**
 * Template keys that neither config.yaml nor a declared context provides (W). Config option
 * `image-tag` provides `image-tag`, `image_tag` and `imageTag`; a template's
 * `<name>.context.json` and layer.yaml's `template-context` list declare the keys the charm's
 * code adds.
 */
export function checkTemplates(
  templates: readonly TemplateSource[],
  configOptions: readonly string[],
  declared: readonly string[],
): ProofFinding[] {
  const provided = new Set<string>(declared);
  for (const opt of configOptions) {
    provided.add(opt);
    provided.add(opt.replace(/-/g, '_'));
    provided.add(opt.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase()));
  }
  const findings: ProofFinding[] = [];
  for (const template of templates) {
    const seen = new Set<string>();
    for (const { key, line } of templateKeys(template.text)) {
      if (provided.has(key) || template.declaredKeys.includes(key) || seen.has(key)) continue;
      seen.add(key);
      findings.push({
        severity: 'W',
        file: template.file,
        message: `line ${line}: template key '${key}' is not a config option and no context declares it (${template.file.replace(/^.*\//, '')}.context.json or layer.yaml template-context)`,
      });
    }
  }
  return findings;
}
