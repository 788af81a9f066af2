/**
 * The outcome of one engine self-check. A self-check tests Orbitscope's own machinery (it holds
 * whenever the code is right, whatever was learned), so it is reported apart from the claims:
 * a failure is a bug, never a finding.
 */
export interface CheckResult {
  /** What was checked, e.g. "orbit-stabilizer (p4m, seed 1 unit 3)". */
  readonly name: string;
  readonly passed: boolean;
  /** What was compared with what, and on failure the first discrepancy. */
  readonly details: string;
}
