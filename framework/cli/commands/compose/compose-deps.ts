/** The engine names the compose CLI uses (one import point, loaded lazily with the actions). */
export {
  Compose,
  ComposeUsageError,
  createPullReporter,
  dockerClientFromEnv,
  formatPlan,
  readDotEnv,
} from '../../../docker';
export type { ComposeContainer, ComposeEvent, PlanAction } from '../../../docker';
export { isRxcharmError as isRxcharmErrorLike } from '../../../errors';

/** YAML output for `compose config` (the yaml package, loaded only by that command). */
export function stringifyYaml(doc: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('yaml') as typeof import('yaml')).stringify(doc, { lineWidth: 0 });
}
