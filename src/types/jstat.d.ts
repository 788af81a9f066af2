// jstat ships no types; only the Student t functions Orbitscope uses are declared.
declare module 'jstat' {
  interface StudentT {
    /** Quantile: x with P(T <= x) = p for T ~ t(dof). */
    inv(p: number, dof: number): number;
    /** Cumulative distribution P(T <= x) for T ~ t(dof). */
    cdf(x: number, dof: number): number;
  }
  interface ChiSquare {
    /** Cumulative distribution P(X <= x) for X ~ chi-square(dof). */
    cdf(x: number, dof: number): number;
  }
  const jStat: { readonly studentt: StudentT; readonly chisquare: ChiSquare };
  export default jStat;
}
