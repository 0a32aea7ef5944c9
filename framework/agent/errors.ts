import { RxcharmError, type ErrorContext } from '../errors';

/**
 * Base of the local agent's errors: bad operator input (unknown application, bad config) and
 * model problems. The CLI maps them to exit code 1 with their message.
 */
export class AgentError extends RxcharmError {
  constructor(code: string, message: string, options: { context?: ErrorContext; cause?: unknown } = {}) {
    super(code, message, options);
  }
}

/** A config value or key refused by the charm's `config.yaml`; nothing was changed. */
export class ConfigValidationError extends AgentError {
  constructor(app: string, problems: readonly string[]) {
    super('AGENT_CONFIG_INVALID', `invalid config for ${app}:\n  ${problems.join('\n  ')}`, {
      context: { app, problems },
    });
  }
}

/** An application, unit, endpoint or relation that the model does not have. */
export class ModelLookupError extends AgentError {
  constructor(kind: string, name: string, details = '') {
    super('AGENT_NOT_FOUND', `${kind} not found: ${name}${details ? `\n${details}` : ''}`, { context: { kind, name } });
  }
}

/** An operation the model refuses in its current state (duplicate name, ambiguous endpoint...). */
export class ModelOperationError extends AgentError {
  constructor(message: string, context: ErrorContext = {}) {
    super('AGENT_OPERATION', message, { context });
  }
}

/** A charm directory that cannot be deployed (no metadata.yaml, bad config.yaml...). */
export class CharmLoadError extends AgentError {
  constructor(path: string, problem: string, cause?: unknown) {
    super('AGENT_CHARM_INVALID', `cannot load charm: ${path}\n${problem}`, { context: { path, problem }, cause });
  }
}

/** The model file is missing, unreadable or of an unknown version. */
export class ModelFileError extends AgentError {
  constructor(path: string, problem: string, cause?: unknown) {
    super('AGENT_MODEL_FILE', `cannot read model: ${path}\n${problem}`, { context: { path, problem }, cause });
  }
}

/** The model lock could not be taken in time. */
export class ModelLockError extends AgentError {
  constructor(path: string, cause?: unknown) {
    super('AGENT_MODEL_LOCK', `cannot lock model: ${path}`, { context: { path }, cause });
  }
}

/** A refresh the model refuses: another charm name, or an endpoint still related that the new charm drops. */
export class CharmRefreshError extends AgentError {
  constructor(app: string, problems: readonly string[]) {
    super('AGENT_REFRESH_REFUSED', `cannot refresh ${app}:\n  ${problems.join('\n  ')}`, {
      context: { app, problems },
    });
  }
}

/**
 * The model's unit network (its Docker bridge and the unit addresses on it) could not be set up
 * or torn down; the agent falls back to one shared address and says so.
 */
export class UnitNetworkError extends AgentError {
  constructor(message: string, context: ErrorContext = {}, cause?: unknown) {
    super('AGENT_UNIT_NETWORK', message, { context, cause });
  }
}
