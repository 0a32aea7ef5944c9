import { AgentError } from '../errors';

/** A duration that is not in Juju's (Go's) syntax, such as `5m`, `30s`, `1h30m` or `500ms`. */
export class DurationSyntaxError extends AgentError {
  constructor(text: string, problem: string) {
    super('AGENT_DURATION', `invalid duration ${JSON.stringify(text)}: ${problem} (examples: 5m, 30s, 1h30m, 500ms)`, {
      context: { text, problem },
    });
  }
}

/** `rxcharm model-config` input refused; nothing was stored. */
export class ModelSettingsError extends AgentError {
  constructor(problems: readonly string[]) {
    super('AGENT_MODEL_CONFIG', `invalid model config:\n  ${problems.join('\n  ')}`, { context: { problems } });
  }
}

/** Another `rxcharm agent` holds the model. */
export class AgentRunningError extends AgentError {
  constructor(
    readonly modelDir: string,
    readonly pid: number,
  ) {
    super('AGENT_RUNNING', `an agent is already running for model ${modelDir} (pid ${pid})`, {
      context: { modelDir, pid },
    });
  }
}

/** The running agent could not be reached, or it ended the request without an answer. */
export class AgentConnectionError extends AgentError {
  constructor(socketPath: string, problem: string, cause?: unknown) {
    super('AGENT_CONNECTION', `cannot talk to the running agent at ${socketPath}: ${problem}`, {
      context: { socketPath, problem },
      cause,
    });
  }
}

/** An operation the running agent refused or failed; the message is the agent's own. */
export class AgentRequestError extends AgentError {
  constructor(code: string, message: string) {
    super(code, message, { context: { remote: true } });
  }
}

/** The running agent is stopping and takes no new operation; the command runs it itself once the agent is gone. */
export class AgentStoppingError extends AgentError {
  constructor(modelDir: string) {
    super('AGENT_STOPPING', `the agent for model ${modelDir} is stopping; run the command again`, {
      context: { modelDir },
    });
  }
}
