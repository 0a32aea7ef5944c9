/**
 * How a hook tool ends badly. These never leave the tool server: {@link runTool} turns them into
 * Juju's `ERROR <message>` on stderr with exit code 2 (usage) or 1 (runtime).
 */
export class ToolUsageError {
  readonly exitCode = 2;
  constructor(readonly message: string) {}
}

/** A runtime failure of a hook tool (exit code 1). */
export class ToolRuntimeError {
  readonly exitCode = 1;
  constructor(readonly message: string) {}
}

/** The tool needs its standard input, which the shim has not sent yet (lazy stdin, as jujuc). */
export class ToolNeedsStdin {}
