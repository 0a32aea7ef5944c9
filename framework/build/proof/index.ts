export { proofCharm } from './proof-charm';
export { proofFiles } from './proof-files';
export { formatFinding, proofExitCode, type ProofFinding, type ProofSeverity } from './proof-finding';
export { scanHandlers, type ScannedHandler, type ScanResult, type FlagSite } from './handler-scan';
export { templateKeys } from './proof-templates';
