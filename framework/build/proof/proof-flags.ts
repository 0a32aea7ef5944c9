import type { EndpointInfo } from '../hook-scripts';
import type { ProofFinding } from './proof-finding';
import { scanHandlers, type FlagSite, type ScannedHandler } from './handler-scan';

/** A TypeScript source proof reads, with the interface it belongs to (if any). */
export interface ProofSource {
  /** Path shown in findings. */
  readonly file: string;
  readonly text: string;
  /** Set for interface layer files: `{endpoint_name}` expands to this interface's endpoints. */
  readonly interface?: string;
}

/** What the flag analysis knows about the charm besides its sources. */
export interface FlagContext {
  readonly endpoints: readonly EndpointInfo[];
  readonly configOptions: readonly string[];
}

/** Automatic flags the runtime sets, as wildcard patterns (`*` = anything). */
export function runtimeFlagPatterns(context: FlagContext): string[] {
  return [
    'config.changed',
    ...context.configOptions.flatMap((opt) => [`config.changed.${opt}`, `config.set.${opt}`, `config.default.${opt}`]),
    ...context.endpoints.flatMap((ep) => [
      `endpoint.${ep.name}.joined`,
      `endpoint.${ep.name}.changed`,
      `endpoint.${ep.name}.changed.*`,
      `endpoint.${ep.name}.departed`,
    ]),
  ];
}

/**
 * Flag analysis over every handler of a charm: conditions that can never hold together (E),
 * flags waited on that nothing sets (W), flags set that nothing reads (I). `extraReads` are
 * flags consumed outside the sources (status rules); `extraSets` are flags set from outside the
 * charm's code (layer.yaml `external-flags`: requests an operator or a higher layer makes). Pure.
 */
export function checkFlags(
  sources: readonly ProofSource[],
  context: FlagContext,
  extraReads: readonly string[] = [],
  extraSets: readonly string[] = [],
): ProofFinding[] {
  const findings: ProofFinding[] = [];
  const handlers: ScannedHandler[] = [];
  const sets: string[] = [...runtimeFlagPatterns(context), ...extraSets];
  const layerSets: FlagSite[] = [];
  const reads: string[] = [...extraReads];
  for (const source of sources) {
    const scan = scanHandlers(source.text, source.file);
    const expand = (flag: string): string[] => {
      if (!flag.includes('{endpoint_name}')) return [flag];
      const names = context.endpoints
        .filter((ep) => source.interface === undefined || ep.interface === source.interface)
        .map((ep) => ep.name);
      return source.interface === undefined
        ? [flag.replace(/\{endpoint_name\}/g, '*')]
        : names.map((name) => flag.replace(/\{endpoint_name\}/g, name));
    };
    for (const handler of scan.handlers) {
      const expanded = {
        ...handler,
        when: handler.when.flatMap(expand),
        whenNot: handler.whenNot.flatMap(expand),
        whenAny: handler.whenAny.map((group) => group.flatMap(expand)),
        whenNotAll: handler.whenNotAll.map((group) => group.flatMap(expand)),
      };
      handlers.push(expanded);
    }
    for (const site of scan.sets) {
      sets.push(...expand(site.flag));
      if (source.interface === undefined) layerSets.push(...expand(site.flag).map((flag) => ({ ...site, flag })));
    }
    for (const site of scan.reads) reads.push(...expand(site.flag));
  }

  const canBeSet = (flag: string): boolean =>
    sets.some((pattern) => wildcardMatch(pattern, flag) || wildcardMatch(flag, pattern));
  for (const handler of handlers) {
    const where = `handler ${handler.id.slice(handler.file.length + 1)}`;
    const contradictions = handler.when.filter((flag) => handler.whenNot.includes(flag));
    for (const flag of contradictions)
      findings.push({
        severity: 'E',
        file: handler.file,
        message: `${where} (line ${handler.line}) can never run: it waits for '${flag}' both set and not set`,
      });
    for (const group of handler.whenNotAll) {
      if (group.length > 0 && group.every((flag) => handler.when.includes(flag))) {
        findings.push({
          severity: 'E',
          file: handler.file,
          message: `${where} (line ${handler.line}) can never run: whenNotAll(${group.join(', ')}) contradicts when(${handler.when.join(', ')})`,
        });
      }
    }
    for (const group of handler.whenAny) {
      if (group.length > 0 && group.every((flag) => handler.whenNot.includes(flag))) {
        findings.push({
          severity: 'E',
          file: handler.file,
          message: `${where} (line ${handler.line}) can never run: whenAny(${group.join(', ')}) contradicts whenNot`,
        });
      }
    }
    for (const flag of handler.when) {
      if (!canBeSet(flag))
        findings.push({
          severity: 'W',
          file: handler.file,
          message: `${where} (line ${handler.line}) waits for flag '${flag}', which no layer, interface, trigger or the runtime sets`,
        });
    }
    for (const group of handler.whenAny) {
      if (group.length > 0 && !group.some(canBeSet)) {
        findings.push({
          severity: 'W',
          file: handler.file,
          message: `${where} (line ${handler.line}) waits for any of '${group.join("', '")}', and none of them is ever set`,
        });
      }
    }
  }

  const consumed = [
    ...reads,
    ...handlers.flatMap((h) => [...h.when, ...h.whenNot, ...h.whenAny.flat(), ...h.whenNotAll.flat()]),
  ];
  const reported = new Set<string>();
  for (const site of layerSets) {
    if (site.flag.includes('*') || reported.has(site.flag)) continue;
    if (!consumed.some((flag) => wildcardMatch(flag, site.flag))) {
      reported.add(site.flag);
      findings.push({
        severity: 'I',
        file: site.file,
        message: `flag '${site.flag}' (line ${site.line}) is set but no handler or trigger consumes it`,
      });
    }
  }
  return findings;
}

/** True when `pattern` (with `*` wildcards) matches `flag` entirely. */
function wildcardMatch(pattern: string, flag: string): boolean {
  if (!pattern.includes('*')) return pattern === flag;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(flag);
}
