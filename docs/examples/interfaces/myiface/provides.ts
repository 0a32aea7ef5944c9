import { Endpoint, when, whenNot } from 'rxcharm';

/** The provider side of `interface: myiface`: `{endpoint_name}.connected` while a consumer is joined. */
export class MyProvides extends Endpoint {
  @when('endpoint.{endpoint_name}.joined') @whenNot('{endpoint_name}.connected')
  onJoined(): void { this.setFlag('{endpoint_name}.connected'); }

  @whenNot('endpoint.{endpoint_name}.joined') @when('{endpoint_name}.connected')
  onGone(): void { this.clearFlag('{endpoint_name}.connected'); }

  /** Publishes `port` (a plain string) on every relation; sent when the hook succeeds. */
  configure(port: number): void {
    for (const relation of this.relations) relation.toPublish.setRaw('port', String(port));
  }
}
