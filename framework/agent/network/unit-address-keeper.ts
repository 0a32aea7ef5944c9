import type { ModelState } from '../model/model-state';
import type { UnitRecord } from '../model/types';
import type { DebugLog } from '../runner/debug-log';
import type { UnitNetwork } from './unit-network';

/**
 * The agent's side of the unit network during one command: sets it up before the change, gives
 * new units addresses only while it is up, puts them on the bridge after the change and takes
 * released ones off after the drain. On failure the model records why (`unitNetworkWarning`), the
 * debug log warns, and units without an address share the fallback. Without a `UnitNetwork`
 * every method does nothing.
 */
export class UnitAddressKeeper {
  /** Whether the last {@link ensure} set the network up (new units get addresses). */
  private up = false;
  /** Units given an address since the last sync: they give it back if it cannot go on the bridge. */
  private assigned: UnitRecord[] = [];

  constructor(
    private readonly network: UnitNetwork | undefined,
    private readonly sharedAddress: () => string,
    private readonly log: DebugLog,
  ) {}

  /**
   * Sets the model's network up (idempotent).
   *
   * @returns true when this call created it (see {@link discard}).
   */
  async ensure(model: ModelState): Promise<boolean> {
    this.up = false;
    if (this.network === undefined) return false;
    const had = model.data.unitNetwork !== undefined;
    try {
      await this.network.ensure(model);
      this.up = true;
      if (model.data.unitNetworkWarning !== undefined) delete model.data.unitNetworkWarning;
    } catch (error) {
      this.failed(model, error);
    }
    return !had && model.data.unitNetwork !== undefined;
  }

  /**
   * {@link ensure} for commands that change nothing else (`wait`, `run-action`): only for a model
   * that exists, calling `save` when the network record or its warning changed.
   */
  async ensureExisting(model: ModelState, exists: boolean, save: () => void): Promise<void> {
    if (this.network === undefined || !exists) return;
    const before = JSON.stringify([model.data.unitNetwork, model.data.unitNetworkWarning]);
    await this.ensure(model);
    if (JSON.stringify([model.data.unitNetwork, model.data.unitNetworkWarning]) !== before) save();
  }

  /** Gives a new unit its address, only while the network is up (else it shares the fallback). */
  assign(model: ModelState, unit: UnitRecord): void {
    if (!this.up || this.network === undefined) return;
    this.network.assign(model, unit);
    this.assigned.push(unit);
  }

  /** Puts new units' addresses on the bridge and takes released ones off. */
  sync(model: ModelState): void {
    const assigned = this.assigned;
    this.assigned = [];
    if (this.network === undefined || model.data.unitNetwork === undefined) return;
    try {
      this.network.syncAddresses(model);
    } catch (error) {
      // New units share the fallback rather than report an address that answers nothing.
      for (const unit of assigned) delete unit.address;
      this.failed(model, error);
    }
  }

  /** Removes a network {@link ensure} created for a change that was refused (the model is not saved). */
  async discard(model: ModelState): Promise<void> {
    this.assigned = [];
    await this.network?.destroy(model).catch(() => undefined);
  }

  /** Tears the model's network down (destroy-model). */
  async destroy(model: ModelState): Promise<void> {
    await this.network?.destroy(model);
  }

  private failed(model: ModelState, error: unknown): void {
    const message = `unit network unavailable, units without an address share ${this.sharedAddress()}: ${(error as Error).message}`;
    if (model.data.unitNetworkWarning !== message) this.log.write('agent', 'WARNING', 'agent.unit-network', message);
    model.data.unitNetworkWarning = message;
  }
}
