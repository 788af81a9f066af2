import type { Activation } from '../nn/graphOps.js';

/** Apply an activation in place, in float64 rounded to float32 (x is modified and returned). */
export function applyActivation(x: Float32Array, f: Activation): Float32Array {
  switch (f) {
    case 'sigmoid':
      for (let i = 0; i < x.length; i++) x[i] = 1 / (1 + Math.exp(-x[i]));
      break;
    case 'tanh':
      for (let i = 0; i < x.length; i++) x[i] = Math.tanh(x[i]);
      break;
    case 'relu':
      for (let i = 0; i < x.length; i++) x[i] = x[i] > 0 ? x[i] : 0;
      break;
    case 'linear':
      break;
  }
  return x;
}

/** Derivative f'(a) expressed through the output y = f(a). */
export function activationSlope(y: number, f: Activation): number {
  switch (f) {
    case 'sigmoid':
      return y * (1 - y);
    case 'tanh':
      return 1 - y * y;
    case 'relu':
      return y > 0 ? 1 : 0;
    case 'linear':
      return 1;
  }
}
