import type Dockerode from 'dockerode';
import { ImageBuildError } from '../errors';
import { followEngineStream, type EngineStreamLine } from './engine-stream';
import { contextEntries } from './build-context';
import type { BuildProgressEvent, ImageBuildSpec } from '../../charm/docker-types';

interface BuildLine extends EngineStreamLine {
  readonly stream?: string;
  readonly status?: string;
  readonly aux?: { readonly ID?: string };
}

/** `POST /build` query parameters of a spec (pure). */
export function buildQuery(spec: ImageBuildSpec): Record<string, unknown> {
  const q: Record<string, unknown> = { t: [...spec.tags], rm: true, forcerm: true };
  if (spec.dockerfile !== undefined) q.dockerfile = spec.dockerfile;
  if (spec.args !== undefined) q.buildargs = { ...spec.args };
  if (spec.target !== undefined) q.target = spec.target;
  if (spec.labels !== undefined) q.labels = { ...spec.labels };
  if (spec.cacheFrom !== undefined && spec.cacheFrom.length > 0) q.cachefrom = [...spec.cacheFrom];
  if (spec.network !== undefined) q.networkmode = spec.network;
  if (spec.extraHosts !== undefined && spec.extraHosts.length > 0) q.extrahosts = spec.extraHosts.join(',');
  if (spec.shmSize !== undefined) q.shmsize = spec.shmSize;
  if (spec.platform !== undefined) q.platform = spec.platform;
  if (spec.noCache === true) q.nocache = true;
  if (spec.pull === true) q.pull = true;
  return q;
}

/**
 * Builds an image through the Engine's build API (internal to `DockerodeClient.buildImage`): the
 * context directory goes as a gzipped tar stream, `.dockerignore` applied; each output line is
 * reported; an error line anywhere in the stream fails the build.
 *
 * @returns the image id (`sha256:...`) of the result.
 */
export async function buildImageWith(
  docker: Dockerode,
  host: string,
  spec: ImageBuildSpec,
  onProgress?: (e: BuildProgressEvent) => void,
): Promise<string> {
  const tag = spec.tags[0] ?? spec.context;
  let src: string[];
  try {
    src = contextEntries(spec.context);
  } catch (error) {
    throw new ImageBuildError(tag, `cannot read the build context ${spec.context}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const lines = await followEngineStream<BuildLine>(docker, {
    host,
    start: () => docker.buildImage({ context: spec.context, src }, buildQuery(spec) as Dockerode.ImageBuildOptions),
    onLine: (line) => {
      const text = line.stream ?? line.status;
      if (text !== undefined && text.trim() !== '') onProgress?.({ tag, text: text.replace(/\n$/, '') });
    },
    fail: (message, cause) => new ImageBuildError(tag, message, cause === undefined ? undefined : { cause }),
  });
  const id = [...lines].reverse().find((l) => l.aux?.ID !== undefined)?.aux?.ID;
  if (id === undefined) throw new ImageBuildError(tag, 'the engine reported no image id');
  return id;
}
