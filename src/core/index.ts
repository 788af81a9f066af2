export { RandomSource, type RandomState } from './random.js';
export { UserError, InputTypeError, InputRangeError, isUserError } from './errors.js';
export { checkInteger, checkFinite, parseOptions } from './validate.js';
export { halfToFloat } from './float16.js';
export { pearson } from './pearson.js';
export { makeOutputDirectory, checkOutputFile, writeOutputFile, readJsonFile, lockDirectory, inOutputDirectory, type DirectoryLock } from './outputs.js';
export { crashPoint } from './crashPoint.js';
export { workReporter, type WorkProgress, type OnWorkProgress, type WorkSink } from './workProgress.js';
export * from './linalg/index.js';
