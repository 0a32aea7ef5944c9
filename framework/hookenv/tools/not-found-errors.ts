import { HookToolError, type HookToolFailure } from './hook-tool-error';

/** The relation id given to a hook tool does not exist (any more). A {@link HookToolError}. */
export class RelationNotFoundError extends HookToolError {
  constructor(failure: HookToolFailure) {
    super(failure, { code: 'RELATION_NOT_FOUND', summary: 'relation not found' });
  }
}

/** The unit named to a hook tool is unknown or has left the relation. A {@link HookToolError}. */
export class UnitNotFoundError extends HookToolError {
  constructor(failure: HookToolFailure) {
    super(failure, { code: 'UNIT_NOT_FOUND', summary: 'unit not found' });
  }
}

/** The tool refused a write this unit may not make (e.g. `--app` data when not the leader). */
export class HookToolPermissionError extends HookToolError {
  constructor(failure: HookToolFailure) {
    super(failure, { code: 'HOOK_TOOL_PERMISSION', summary: 'hook tool permission denied' });
  }
}

const RELATION_NOT_FOUND = /relation not found|invalid relation id|no relation id specified/i;
const UNIT_NOT_FOUND = /unit not found|settings not found|invalid unit name|unit "[^"]*" not found/i;
const PERMISSION = /permission denied|not the leader|cannot write relation settings|access denied|not leader/i;

/**
 * The one boundary where a raw tool failure becomes a specific error (as ops' `_wrap_hookcmd`):
 * matched on Juju's own error texts.
 */
export function classifyHookToolFailure(failure: HookToolFailure): HookToolError {
  if (RELATION_NOT_FOUND.test(failure.stderr)) return new RelationNotFoundError(failure);
  if (UNIT_NOT_FOUND.test(failure.stderr)) return new UnitNotFoundError(failure);
  if (PERMISSION.test(failure.stderr)) return new HookToolPermissionError(failure);
  return new HookToolError(failure);
}
