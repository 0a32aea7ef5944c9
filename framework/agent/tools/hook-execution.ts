import type { QueuedHook } from '../model/types';

/** Relation data a hook has set but not committed yet. */
export interface PendingRelationData {
  /** Unit bag changes (an empty value deletes the key). */
  readonly unit: Record<string, string>;
  /** App bag changes, or null when the hook did not touch the app bag. */
  app: Record<string, string> | null;
}

/** An action being run: its params and what the charm reported. */
export interface ActionRun {
  readonly name: string;
  readonly params: Record<string, unknown>;
  readonly results: Record<string, unknown>;
  failed: boolean;
  failMessage: string;
}

/**
 * What the agent knows about one running hook (or action): the context the tools answer from,
 * plus the relation data and port changes buffered until the hook exits 0.
 */
export class HookExecution {
  /** Relation data set during the hook, by relation id. */
  readonly relationSets = new Map<number, PendingRelationData>();
  /** Port opens/closes in call order (normalized specs). */
  readonly portChanges: Array<{ readonly op: 'open' | 'close'; readonly port: string }> = [];

  constructor(
    /** Opaque id the shims send back (`JUJU_CONTEXT_ID`). */
    readonly contextId: string,
    readonly unit: string,
    readonly app: string,
    /** Hook name, or the action name for actions. */
    readonly hook: string,
    readonly queued: QueuedHook | null,
    readonly action: ActionRun | null = null,
  ) {}

  get relationId(): number | undefined {
    return this.queued?.relationId;
  }

  get remoteUnit(): string | undefined {
    return this.queued?.remoteUnit;
  }

  get remoteApp(): string | undefined {
    return this.queued?.remoteApp;
  }

  /** Buffered data for a relation, created on first use. */
  pending(relationId: number): PendingRelationData {
    let entry = this.relationSets.get(relationId);
    if (entry === undefined) {
      entry = { unit: {}, app: null };
      this.relationSets.set(relationId, entry);
    }
    return entry;
  }
}
