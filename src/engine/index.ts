export { GraphBuilder, OPSET, type Attribute, type Dim } from './graph.js';
export { compile, CompiledGraph, defaultThreads, cachedSessionCount, releaseSessions, type SessionOptions } from './session.js';
export { float32, int64, int32, bool, sizeOf, type DType, type Tensor, type DataOf } from './tensor.js';
export { matmul, type MatmulOptions } from './matmul.js';
export { machineLoad, registryDir, startLoadWindow } from './machineLoad.js';
export { SPIN_SLACK, activeProcesses, otherBusyBetween, shouldSpin } from './spinning.js';
