import { RxcharmError } from '../errors';

/**
 * A charm file (metadata.yaml, config.yaml, actions.yaml) is missing, is not valid YAML or
 * breaks Juju's rules. The one error of the charm-file reader, in every floor that reads them
 * (build, runtime, agent, testing); it names the file and, when one is at fault, the key as a
 * dotted path (`requires.db.interface`, `options.port.default`).
 */
export class CharmFileError extends RxcharmError {
  /** The file, as given to the reader (usually absolute). */
  readonly file: string;
  /** Dotted path of the offending key; undefined when the file as a whole is at fault. */
  readonly key: string | undefined;
  readonly detail: string;

  constructor(file: string, key: string | undefined, detail: string, cause?: unknown) {
    super('CHARM_FILE', `invalid charm file: ${file}${key === undefined ? '' : ` (${key})`}: ${detail}`, {
      context: { file, key, detail },
      cause,
    });
    this.file = file;
    this.key = key;
    this.detail = detail;
  }
}
