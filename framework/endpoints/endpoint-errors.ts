import { RxcharmError } from '../errors';

/** A received relation value is not the JSON the interface expects. */
export class MalformedRelationDataError extends RxcharmError {
  constructor(where: { endpoint: string; relationId: string; unit: string; key: string }, detail: string) {
    super(
      'RELATION_DATA_MALFORMED',
      `malformed relation data: ${where.endpoint} ${where.relationId} ${where.unit} key "${where.key}": ${detail}`,
      { context: { ...where, detail } },
    );
  }
}

/** Application data can only be published by the leader. */
export class NotLeaderError extends RxcharmError {
  constructor(relationId: string) {
    super('NOT_LEADER', `cannot publish application data: ${relationId}: this unit is not the leader`, {
      context: { relationId },
    });
  }
}

/** Charm code asked for an endpoint metadata.yaml does not declare. */
export class EndpointNotFoundError extends RxcharmError {
  constructor(name: string, known: readonly string[]) {
    super('ENDPOINT_NOT_FOUND', `unknown endpoint: ${name} (metadata.yaml declares: ${known.join(', ') || 'none'})`, {
      context: { name, known },
    });
  }
}
