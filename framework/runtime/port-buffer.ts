import { formatPortSpec, type HookTools, type PortProtocol, type PortSpec } from '../hookenv';

/** `this.ports`: port changes, sent to Juju only when the hook succeeds. */
export class PortBuffer {
  readonly #ops: Array<{ op: 'open' | 'close'; spec: PortSpec; text: string }> = [];

  /** Opens `port` (or `port`-`toPort`), TCP by default. Validated now, sent at commit. */
  open(port: number, protocol: PortProtocol = 'tcp', toPort?: number): void {
    this.#push('open', { port, protocol, toPort });
  }

  close(port: number, protocol: PortProtocol = 'tcp', toPort?: number): void {
    this.#push('close', { port, protocol, toPort });
  }

  /** Opens ICMP. */
  openIcmp(): void {
    this.#push('open', 'icmp');
  }

  /** Staged changes in order, e.g. `open 80/tcp`. */
  pending(): string[] {
    return this.#ops.map((o) => `${o.op} ${o.text}`);
  }

  /** Sends the staged changes (open-port / close-port) in order. */
  async flush(tools: Pick<HookTools, 'openPort' | 'closePort'>): Promise<void> {
    for (const o of this.#ops) {
      if (o.op === 'open') await tools.openPort(o.spec);
      else await tools.closePort(o.spec);
    }
    this.#ops.length = 0;
  }

  #push(op: 'open' | 'close', spec: PortSpec): void {
    const text = formatPortSpec(spec);
    this.#ops.push({ op, spec, text });
  }
}
