import { buildCharm, findPackageRoot, proofCharm, searchPathFromEnv, type ProofFinding } from '../../../framework/build';

/** `rxcharm build` then `rxcharm proof`, from a script in this checkout. */
export async function buildAndProof(layerDir: string, outputDir?: string): Promise<ProofFinding[]> {
  const searchPath = searchPathFromEnv(process.env, findPackageRoot());
  const built = await buildCharm({ layerDir, outputDir, searchPath });
  return proofCharm(built.outputDir, searchPath);
}
