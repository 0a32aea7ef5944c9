import { BuildError } from '../build';

/** One compiler message: where (file:line:column) and what. */
export interface TypeDiagnostic {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** `TS2322` and the like. */
  readonly code: string;
  readonly message: string;
}

/** `file:line:column: TS2322 message` (or the message alone when it has no place). */
export function formatTypeDiagnostic(d: TypeDiagnostic): string {
  const where = d.file === undefined ? '' : `${d.file}:${d.line ?? 0}:${d.column ?? 0}: `;
  return `${where}${d.code} ${d.message}`;
}

/** The layer stack does not type-check: nothing was built or deployed. */
export class TypeCheckError extends BuildError {
  constructor(readonly diagnostics: readonly TypeDiagnostic[]) {
    super(
      'TYPE_CHECK_FAILED',
      `type check failed: ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}\n  ${diagnostics
        .map(formatTypeDiagnostic)
        .join('\n  ')}`,
      { context: { count: diagnostics.length } },
    );
  }
}
