/**
 * Shared Docker helpers for integration and e2e tests.
 *
 * - Images: `ensureBusyboxImage()` (self-contained `docker import` of busybox-static), `buildImage(ref, recipe)`,
 *   `ensureProjectImage('redis' | 'postgres' | 'vote' | ...)` (through scripts/images/build-images.sh).
 * - Labels and clean-up: `TEST_LABEL`, `testLabels()`, `uniqueName()`, `removeByLabel()`, `removeProject()`,
 *   `dockerAvailable()`.
 * - Compose: `TestComposeProject` (temp workspace + unique project + clean-up), `countingClient()` (counts writes).
 * - Containers: `bareContainerSpec({ name, image, ... })` (a create spec with the required lists empty; also
 *   importable alone from `./container-spec` by unit tests).
 *
 * Not exported here (so unit tests load no Docker code): `useTempDir(prefix)` in `./temp-dir`, a fresh
 * directory per test; `useSocketServer(prefix, handler)` in `./socket-server`, an HTTP server on a
 * unix socket (a stand-in engine) for a `describe`; `freePort()` in `./free-port`, a TCP port the
 * kernel hands out as free.
 */
export { BUSYBOX_IMAGE, buildImage, ensureBusyboxImage, ensureProjectImage } from './docker-images';
export type { ImageRecipe, ProjectImage } from './docker-images';
export { TEST_LABEL, dockerAvailable, removeByLabel, removeProject, testLabels, uniqueName } from './docker-cleanup';
export { countingClient } from './counting-client';
export type { CountingClient } from './counting-client';
export { TestComposeProject } from './compose-project';
export { bareContainerSpec } from './container-spec';
export { buildCliBundle } from './cli-bundle';
