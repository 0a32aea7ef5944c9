/**
 * rxcharm's compose engine and Docker client.
 *
 * For charm authors (through `layer:docker` or `rxcharm`) and for the `rxcharm compose` CLI.
 * `Compose` converges a compose project as observe → plan → execute; `plan` is pure and can be
 * used on its own for dry runs; `Compose` and `Docker` use the `DockerClient` they are given (a
 * hook's `this.docker`, a `DockerodeClient`, or a test's fake).
 * Stability: the names below are the public API; anything not exported here is internal.
 */

// Compose projects
/** A compose project in a workspace directory with the charms.docker verbs (`up`, `down`, `ps`...). */
export { Compose } from './compose';
export type { ComposeOptions, ComposeContainer } from './compose';
/** Locates a workspace's compose file; reads its `.env`. */
export { locateComposeFile, readDotEnv, DEFAULT_COMPOSE_FILES } from './compose-file';

// Model
/** Parses, interpolates and normalizes a compose file into a {@link ComposeModel}. */
export { parseCompose, parseComposeFiles } from './model/parse-compose';
/** Merges a later compose file over an earlier one by the specification's rules. */
export { mergeCompose } from './model/merge-compose';
/** The resolved project in the compose specification's form (`rxcharm compose config`). */
export { specForm, formatDuration } from './compose-config';
export type { SpecDocument } from './compose-config';
export type { ParseComposeOptions } from './model/parse-compose';
/** Compose keys a service may use. */
export { SUPPORTED_SERVICE_KEYS } from './model/parse-service';
/** `${VAR}` interpolation of one string. */
export { interpolate } from './model/interpolate';
export type {
  ComposeModel,
  ServiceConfig,
  PortBinding,
  VolumeMount,
  Dependency,
  DependencyCondition,
  Healthcheck,
  RestartPolicy,
  ServiceNetwork,
  NetworkConfig,
  VolumeConfig,
} from './model/types';

// Engine
/** Pure planner: desired vs observed → actions with reasons. */
export { plan, isWrite, formatPlan } from './engine/plan';
export type { PlanAction, PlanOptions } from './engine/plan';
/** Observes a project's containers, networks, volumes and images (reads only). */
export { observe, toObservedContainer } from './engine/observed-state';
export type { ObservedState, ObservedContainer, ObserveRequest } from './engine/observed-state';
/** Computes the desired state of a parsed project (pure). */
export { desiredState } from './engine/desired-state';
export type { DesiredState, DesiredService, DesiredResource, DesiredStateOptions } from './engine/desired-state';
/** Runs a plan against a daemon. */
export { execute } from './engine/execute';
export type { ExecuteOptions } from './engine/execute';
/** rxcharm's canonical config hash and the labels it writes. */
export { configHash } from './engine/config-hash';
export { canonicalJson } from './engine/canonical-json';
export { composeLabels, resourceLabels } from './engine/container-labels';
export { serviceTemplate } from './engine/service-template';
export type { ServiceTemplate } from './engine/service-template';
export { normalizeProjectName, projectName, containerName } from './engine/naming';
export type { ComposeEvent, ComposeEventListener } from './engine/compose-event';
export * from './labels';

// Client
/**
 * The Engine operations rxcharm uses, in its own types; `DockerodeClient` implements it. The
 * contract lives on the ground floor (framework/charm); re-exported here so imports keep working.
 */
export type { DockerClient, DockerClientFactory, DockerClientRequest } from '../charm/docker-client';
export { DOCKER_WRITE_METHODS } from '../charm/docker-client';
export { DockerodeClient } from './client/dockerode-client';
export type { DockerodeClientOptions } from './client/dockerode-client';
/** A client where `DOCKER_HOST`, `DOCKER_TLS_VERIFY` and `DOCKER_CERT_PATH` point (the CLI's and the runtime's edge). */
export { dockerClientFromEnv } from './client/docker-client-from-env';
export type { DockerClientFromEnvOptions } from './client/docker-client-from-env';
export { dockerSettingsFromEnv } from './client/docker-env';
export type { DockerEnvSettings, DockerTlsOptions } from './client/docker-env';
/** Interprets `docker_host` values (unix socket path/URL or tcp URL). */
export { parseDockerHost, DEFAULT_DOCKER_SOCKET } from './client/docker-host';
export type { DockerConnection } from './client/docker-host';
export type * from '../charm/docker-types';
/** One-off `run`, `pull`, `login`, `ps`, `inspect`, `healthcheck`. */
export { Docker } from './docker';
export type { RunOptions } from './docker';
export { createPullReporter } from './pull-progress';
export type { PullReporter } from './pull-progress';

// Errors
export {
  ComposeFileError,
  UnsupportedComposeKeyError,
  ComposeInterpolationError,
  ImagePullError,
  ImageBuildError,
  DockerUnavailableError,
  DockerApiError,
  ComposeDependencyError,
  ComposeExternalResourceError,
  ComposeUsageError,
  isImagePullError,
  isDockerUnavailableError,
  isDockerApiError,
} from './errors';
export type { ComposeLocation } from './errors';
