/**
 * Browser stand-in for src/engine (ONNX Runtime for Node): the page imports single-image
 * functions from src/actions whose modules also hold the batched ONNX path, so the bundle
 * resolves the engine here. Nothing in the page calls it; if something did, it fails loudly.
 */
function unavailable(): never {
  throw new Error('the ONNX engine is not available in the browser explorer');
}
export class GraphBuilder {
  constructor() {
    unavailable();
  }
}
export const compile = unavailable;
export const float32 = unavailable;
export const int64 = unavailable;
