/**
 * `layer:docker`: helpers for charms whose workloads run in Docker.
 *
 * Import from reactive code as `import { composeFor } from 'layer:docker'`. React to the
 * `docker.ready` flag (set by this layer's handlers while the daemon answers). Stable.
 */
export { composeFor, unitProjectName, dockerClientFor, dockerHostOf, pingDocker } from './docker-engine';
export { machineFacts, installDockerPackage, startDockerDaemon, runCommand } from './docker-daemon';
export { dockerSetupStep, isDebianLike } from './docker-setup';
export type { DockerSetupFacts, DockerSetupStep } from './docker-setup';
export { upOrReport, classifyComposeError, dockerDownFault, pullReason } from './compose-faults';
export type { ComposeFault, UpOutcome, UpOrReportOptions } from './compose-faults';
export { applyComposeFile } from './apply-compose';
export type { ApplyComposeOptions, ApplyOutcome } from './apply-compose';
export { readImage, readWorkload } from './image-setting';
export { UnitProject } from './unit-project';
export type { StartingWorkload, UnitProjectOptions } from './unit-project';
export { UnitProjectCharm, type UnitProjectFlags } from './unit-project-charm';
export {
  isHostAddress,
  publishHostIp,
  recordPublishAddress,
  recordedPublishAddress,
  PUBLISH_ADDRESS_KEY,
} from './publish-address';
