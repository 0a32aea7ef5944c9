/** Severity of a proof finding: error, warning, information (charm-tools' E/W/I). */
export type ProofSeverity = 'E' | 'W' | 'I';

/** One proof finding: what is wrong and in which file. */
export interface ProofFinding {
  readonly severity: ProofSeverity;
  /** Path relative to the charm or layer root (or absolute for files of lower layers). */
  readonly file: string;
  readonly message: string;
}

/** `E metadata.yaml: missing summary`: the one-line form `rxcharm proof` prints. */
export function formatFinding(finding: ProofFinding): string {
  return `${finding.severity} ${finding.file}: ${finding.message}`;
}

/** Exit code for a list of findings: 200 with any error, 100 with warnings, else 0. */
export function proofExitCode(findings: readonly ProofFinding[]): number {
  if (findings.some((f) => f.severity === 'E')) return 200;
  if (findings.some((f) => f.severity === 'W')) return 100;
  return 0;
}
