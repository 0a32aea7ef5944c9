import type { DockerClient } from '../../charm/docker-client';
import { UnitNetworkError } from '../errors';
import type { ModelState } from '../model/model-state';
import type { UnitNetworkRecord, UnitRecord } from '../model/types';
import {
  candidateSubnets,
  ipv4ToNumber,
  nextUnitAddress,
  pickSubnet,
  subnetContains,
  subnetLayout,
} from './address-plan';
import type { HostInterfaces } from './host-interfaces';

/** Label on the Docker network the agent creates for a model; its value is the model uuid. */
export const UNIT_NETWORK_LABEL = 'rxcharm.unit-network';

/** How many subnets to try when Docker refuses one (another model may have taken it meanwhile). */
const CREATE_ATTEMPTS = 5;

/**
 * The model's unit network: one Docker bridge network per model, owned by the agent, whose host
 * bridge carries one extra address per unit. Docker's nat rules DNAT any address local to the
 * host (`--dst-type LOCAL`), so a port a unit's containers publish on its address answers from
 * the host and from containers on every Docker network, as a machine's address does on Juju.
 *
 * Every method is idempotent: the agent calls {@link ensure} before each operation (dockerd may
 * have recreated the bridge, dropping the addresses) and {@link syncAddresses} after each change.
 */
export class UnitNetwork {
  constructor(
    private readonly docker: DockerClient,
    private readonly host: HostInterfaces,
  ) {}

  /**
   * Makes sure the model's network exists (created on first use, on a /24 that overlaps none of
   * the host's routes) and carries every unit's address. Records the network in the model.
   *
   * @throws UnitNetworkError when the network or an address cannot be set up.
   */
  async ensure(model: ModelState): Promise<UnitNetworkRecord> {
    try {
      const record = model.data.unitNetwork ?? (await this.create(model));
      model.data.unitNetwork = record;
      const existing = await this.docker.inspectNetwork(record.name);
      if (existing === undefined) await this.createNetwork(model, record.name, record.bridge, record.subnet);
      this.syncAddresses(model);
      return record;
    } catch (error) {
      if (error instanceof UnitNetworkError) throw error;
      throw new UnitNetworkError(`cannot set up the unit network: ${(error as Error).message}`, {}, error);
    }
  }

  /**
   * Gives `unit` the next free address of the model's network (no-op without a network or when
   * the unit has one). Pure model change: {@link syncAddresses} puts it on the bridge.
   *
   * @throws UnitNetworkError when the subnet has no free unit address left.
   */
  assign(model: ModelState, unit: UnitRecord): void {
    const network = model.data.unitNetwork;
    if (network === undefined || unit.address !== undefined) return;
    const used = model.allUnits().flatMap((u) => (u.address === undefined ? [] : [u.address]));
    const address = nextUnitAddress(network.subnet, used, network.lastAddress);
    if (address === undefined)
      throw new UnitNetworkError(`no free unit address left on ${network.subnet} for ${unit.name}`, {
        subnet: network.subnet,
        unit: unit.name,
      });
    unit.address = address;
    network.lastAddress = address;
  }

  /**
   * Puts every unit's address on the bridge and takes off the unit-range addresses no unit holds
   * any more (released by removed units). Addresses outside the unit range are left alone.
   *
   * @throws UnitNetworkError when the bridge is missing or `ip` fails.
   */
  syncAddresses(model: ModelState): void {
    const network = model.data.unitNetwork;
    if (network === undefined) return;
    const layout = subnetLayout(network.subnet);
    const present = this.host.addresses(network.bridge);
    if (present === undefined)
      throw new UnitNetworkError(`the unit network's bridge ${network.bridge} does not exist`, {
        bridge: network.bridge,
      });
    const wanted = new Set(model.allUnits().flatMap((u) => (u.address === undefined ? [] : [u.address])));
    const onBridge = new Set(present.map((cidr) => cidr.split('/')[0]!));
    for (const address of wanted) if (!onBridge.has(address)) this.host.add(network.bridge, `${address}/24`);
    const first = ipv4ToNumber(layout.first)!;
    const last = ipv4ToNumber(layout.last)!;
    for (const cidr of present) {
      const address = cidr.split('/')[0]!;
      const value = ipv4ToNumber(address);
      const inUnitRange = value !== undefined && value >= first && value <= last;
      if (inUnitRange && subnetContains(network.subnet, address) && !wanted.has(address))
        this.host.remove(network.bridge, cidr);
    }
  }

  /**
   * Tears the model's network down: the unit addresses, then the Docker network (and its bridge).
   * Units keep no address afterwards. No-op when the model has no network.
   *
   * @throws UnitNetworkError when Docker refuses (e.g. a container still attached).
   */
  async destroy(model: ModelState): Promise<void> {
    const network = model.data.unitNetwork;
    if (network === undefined) return;
    for (const cidr of this.host.addresses(network.bridge) ?? []) {
      if (
        subnetContains(network.subnet, cidr.split('/')[0]!) &&
        cidr.split('/')[0] !== subnetLayout(network.subnet).gateway
      )
        this.host.remove(network.bridge, cidr);
    }
    if ((await this.docker.inspectNetwork(network.name)) !== undefined) {
      try {
        await this.docker.removeNetwork(network.name);
      } catch (error) {
        throw new UnitNetworkError(
          `cannot remove the unit network ${network.name}: ${(error as Error).message}`,
          { network: network.name },
          error,
        );
      }
    }
    for (const unit of model.allUnits()) delete unit.address;
    delete model.data.unitNetwork;
  }

  /** Picks a subnet and creates the Docker network, trying the next subnet if Docker refuses one. */
  private async create(model: ModelState): Promise<UnitNetworkRecord> {
    const id = model.data.uuid.replace(/-/g, '').slice(0, 8);
    const name = `rxcharm-units-${id}`;
    // Linux limits device names to 15 bytes.
    const bridge = `rxu-${id}`;
    const existing = await this.docker.inspectNetwork(name);
    if (existing !== undefined) {
      // Ours (same model uuid) but never recorded, e.g. the command that made it was killed
      // before saving the model: remove it and make it again, so its subnet is known.
      if (existing.labels[UNIT_NETWORK_LABEL] !== model.data.uuid)
        throw new UnitNetworkError(`a Docker network named ${name} exists and belongs to no model of this agent`, {
          name,
        });
      await this.docker.removeNetwork(name);
    }
    const taken = this.host.routes();
    let lastError: unknown;
    for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
      const subnet = pickSubnet(taken, candidateSubnets());
      if (subnet === undefined) break;
      try {
        await this.createNetwork(model, name, bridge, subnet);
        return { name, bridge, subnet };
      } catch (error) {
        lastError = error;
        taken.push(subnet);
      }
    }
    throw new UnitNetworkError(
      `cannot create the unit network ${name}: ${lastError instanceof Error ? lastError.message : 'no free subnet in 10.213.0.0/16'}`,
      { name },
      lastError,
    );
  }

  private async createNetwork(model: ModelState, name: string, bridge: string, subnet: string): Promise<void> {
    const layout = subnetLayout(subnet);
    await this.docker.createNetwork({
      name,
      driver: 'bridge',
      labels: { [UNIT_NETWORK_LABEL]: model.data.uuid, 'rxcharm.model': model.data.name },
      driverOpts: { 'com.docker.network.bridge.name': bridge },
      ipam: { config: [{ subnet: layout.subnet, gateway: layout.gateway, ipRange: layout.ipRange }] },
    });
  }
}
