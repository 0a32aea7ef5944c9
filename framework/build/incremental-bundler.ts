import { context, type BuildContext } from 'esbuild';
import {
  asBundleError,
  bundleOutput,
  charmBundleOptions,
  type BundleAliases,
  type BundleOutput,
  type CharmBundler,
} from './bundle-charm';

/**
 * A {@link CharmBundler} that keeps esbuild's context between builds of the same layer stack, so
 * a rebuild re-reads the files and re-parses only those that changed. A change of the generated
 * entry or of the stack (an include added, a layer moved) starts a new context.
 * Dispose it to stop esbuild's context.
 */
export class IncrementalBundler implements AsyncDisposable {
  private current:
    { readonly key: string; readonly ctx: Promise<BuildContext<{ write: false; metafile: true }>> } | undefined;

  /** The bundler to pass to `buildCharm` (`bundler` option). */
  readonly bundle: CharmBundler = async (
    entrySource: string,
    resolveDir: string,
    aliases: BundleAliases,
  ): Promise<BundleOutput> => {
    const key = JSON.stringify([entrySource, resolveDir, aliases]);
    if (this.current?.key !== key) {
      await this.dispose();
      this.current = { key, ctx: context(charmBundleOptions(entrySource, resolveDir, aliases)) };
    }
    try {
      const ctx = await this.current.ctx;
      return await bundleOutput(await ctx.rebuild(), resolveDir, aliases);
    } catch (error) {
      throw asBundleError(error);
    }
  };

  /** Stops the esbuild context, if any. */
  async dispose(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    if (previous !== undefined) await (await previous.ctx.catch(() => undefined))?.dispose();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }
}
