/** General numerics: dense linear algebra on row-major Float64Arrays, assignment, and sample quantiles. */
export { symmetricEigen, type SymmetricEigen } from './symmetricEigen.js';
export { symmetricEigenQl } from './symmetricEigenQl.js';
export { svdSquare, singularValues, conditioning, type Svd, type Conditioning } from './svd.js';
export { polarFactor } from './polarFactor.js';
export { householderSingularValues } from './householderSingularValues.js';
export { choleskySolve } from './choleskySolve.js';
export { linearAssignment, type Assignment, type LinearAssignmentOptions } from './linearAssignment.js';
export { centeredScatter, type CenteredScatter } from './centeredScatter.js';
export { quantileSorted } from './quantileSorted.js';
export { quantileSummary, type QuantileSummary } from './quantileSummary.js';
export { median } from './median.js';
export { maxAbs } from './maxAbs.js';
export { dftTwiddles, type DftTwiddles } from './dftTwiddles.js';
