/**
 * T(2), SO(2), scaling, SE(2) and Sim(2): subgroups of the similarities p -> a p + b, written
 * with complex numbers (p = u + i v, a = e^(lambda + i theta), b = tx + i ty), which gives
 * closed-form exp and log (Hall, "Lie Groups, Lie Algebras, and Representations", 2nd ed.,
 * sec. 2.2; the SE(2) case is the "V matrix" of e.g. Eade, "Lie groups for 2D and 3D
 * transformations", 2013, sec. 3).
 */
import { InputRangeError } from '../../core/errors.js';
import type { BoxOptions, LieGroup, LieGroupName, ParameterBox } from './LieGroup.js';
import type { Mat3 } from './mat3.js';

/** Full similarity parameters: rotation angle theta (rad), log-scale lambda, translation. */
interface Sim {
  theta: number;
  lambda: number;
  tx: number;
  ty: number;
}

type Part = 'theta' | 'lambda' | 'tx' | 'ty';

/** Wrap an angle to [-pi, pi). */
export function wrapAngle(t: number): number {
  const w = t - 2 * Math.PI * Math.floor((t + Math.PI) / (2 * Math.PI));
  return w >= Math.PI ? w - 2 * Math.PI : w;
}

function simMatrix(s: Sim): Mat3 {
  const r = Math.exp(s.lambda);
  const c = r * Math.cos(s.theta);
  const n = r * Math.sin(s.theta);
  return Float64Array.of(c, -n, s.tx, n, c, s.ty, 0, 0, 1);
}

function simFromMatrix(m: ArrayLike<number>): Sim {
  return { theta: Math.atan2(m[3], m[0]), lambda: 0.5 * Math.log(m[0] * m[0] + m[3] * m[3]), tx: m[2], ty: m[5] };
}

/** (e^w - 1) / w for complex w = (re, im), with the series near 0. */
function expm1Over(re: number, im: number): [number, number] {
  const r2 = re * re + im * im;
  if (r2 < 1e-12) return [1 + re / 2, im / 2];
  const e = Math.exp(re);
  const nr = e * Math.cos(im) - 1;
  const ni = e * Math.sin(im);
  return [(nr * re + ni * im) / r2, (ni * re - nr * im) / r2];
}

const GENERATORS: Record<Part, Mat3> = {
  theta: Float64Array.of(0, -1, 0, 1, 0, 0, 0, 0, 0),
  lambda: Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 0),
  tx: Float64Array.of(0, 0, 1, 0, 0, 0, 0, 0, 0),
  ty: Float64Array.of(0, 0, 0, 0, 0, 1, 0, 0, 0),
};
const GENERATOR_NAMES: Record<Part, string> = {
  theta: 'rotation about the centre',
  lambda: 'uniform scaling about the centre',
  tx: 'translation along u (right)',
  ty: 'translation along v (down)',
};

function similarityGroup(name: LieGroupName, title: string, parts: readonly Part[], testing: readonly Sim[], boxFor: (o: BoxOptions) => ParameterBox): LieGroup {
  const has = (p: Part) => parts.includes(p);
  const toSim = (a: ArrayLike<number>): Sim => {
    if (a.length !== parts.length) throw new InputRangeError(`${name}: expected ${parts.length} parameters (${parts.join(', ')}), got ${a.length}`);
    const s: Sim = { theta: 0, lambda: 0, tx: 0, ty: 0 };
    parts.forEach((p, i) => (s[p] = a[i]));
    return s;
  };
  const fromSim = (s: Sim): Float64Array => Float64Array.from(parts, (p) => (p === 'theta' ? wrapAngle(s.theta) : s[p]));
  const group: LieGroup = {
    name,
    title,
    dim: parts.length,
    paramNames: parts,
    basis: parts.map((p) => GENERATORS[p]),
    basisNames: parts.map((p) => GENERATOR_NAMES[p]),
    identity: () => new Float64Array(parts.length),
    matrix: (a) => simMatrix(toSim(a)),
    fromMatrix: (m) => fromSim(simFromMatrix(m)),
    compose(a, b) {
      const x = toSim(a);
      const y = toSim(b);
      // (a1, b1)(a2, b2) = (a1 a2, a1 b2 + b1) in complex form
      const r = Math.exp(x.lambda);
      const c = r * Math.cos(x.theta);
      const n = r * Math.sin(x.theta);
      return fromSim({ theta: x.theta + y.theta, lambda: x.lambda + y.lambda, tx: c * y.tx - n * y.ty + x.tx, ty: n * y.tx + c * y.ty + x.ty });
    },
    inverse(a) {
      const x = toSim(a);
      // (a, b)^-1 = (1/a, -b/a)
      const r = Math.exp(-x.lambda);
      const c = r * Math.cos(-x.theta);
      const n = r * Math.sin(-x.theta);
      return fromSim({ theta: -x.theta, lambda: -x.lambda, tx: -(c * x.tx - n * x.ty), ty: -(n * x.tx + c * x.ty) });
    },
    exp(xi) {
      // exp(w, beta) = (e^w, (e^w - 1)/w * beta), w = lambda + i theta
      const s = toSim(xi);
      const [fr, fi] = expm1Over(s.lambda, s.theta);
      return fromSim({ theta: s.theta, lambda: s.lambda, tx: fr * s.tx - fi * s.ty, ty: fi * s.tx + fr * s.ty });
    },
    log(a) {
      // principal log: theta in [-pi, pi); beta = w / (e^w - 1) * b
      const s = toSim(a);
      const theta = wrapAngle(s.theta);
      const [fr, fi] = expm1Over(s.lambda, theta);
      const d = fr * fr + fi * fi;
      const out: Sim = { theta, lambda: s.lambda, tx: (fr * s.tx + fi * s.ty) / d, ty: (fr * s.ty - fi * s.tx) / d };
      return Float64Array.from(parts, (p) => out[p]);
    },
    testingElements: () => testing.map((s) => fromSim({ theta: has('theta') ? s.theta : 0, lambda: has('lambda') ? s.lambda : 0, tx: has('tx') ? s.tx : 0, ty: has('ty') ? s.ty : 0 })),
    box: (o = {}) => boxFor(o),
  };
  return group;
}

/** Uniform in the disk of radius r: (sqrt(q0) r, 2 pi q1) (area-preserving). */
export function diskPoint(q0: number, q1: number, r: number): [number, number] {
  const rho = r * Math.sqrt(q0);
  const phi = 2 * Math.PI * q1;
  return [rho * Math.cos(phi), rho * Math.sin(phi)];
}

const TESTING: readonly Sim[] = [
  { theta: 0.3, lambda: 0.1, tx: 1.5, ty: -0.75 },
  { theta: -1.1, lambda: -0.2, tx: -2.25, ty: 0.5 },
  { theta: Math.PI / 2, lambda: 0, tx: 1, ty: 2 },
  { theta: 2.5, lambda: 0.3, tx: 0.25, ty: 1.25 },
  { theta: -0.05, lambda: -0.05, tx: -0.4, ty: -1.6 },
];

const radius = (o: BoxOptions) => o.translationRadius ?? 4;
const logRange = (o: BoxOptions) => o.logScaleRange ?? Math.LN2;

/** T(2): translations (tx, ty) in pixels. */
export const t2 = similarityGroup('t2', 'T(2) translations', ['tx', 'ty'], TESTING, (o) => ({
  description: `translations uniform in the disk of radius ${radius(o)} px (Haar measure)`,
  sample: (q) => Float64Array.from(diskPoint(q[0], q[1], radius(o))),
}));

/** SO(2): rotations about the image centre by theta radians. */
export const so2 = similarityGroup('so2', 'SO(2) rotations about the centre', ['theta'], TESTING, () => ({
  description: 'angles uniform on the full circle [-pi, pi) (Haar measure)',
  sample: (q) => Float64Array.of(wrapAngle(2 * Math.PI * q[0] - Math.PI)),
}));

/** Uniform scaling about the centre by e^lambda. */
export const scale = similarityGroup('scale', 'uniform scalings about the centre', ['lambda'], TESTING, (o) => ({
  description: `log-scale uniform in [-${logRange(o)}, ${logRange(o)}] (Haar measure)`,
  sample: (q) => Float64Array.of(logRange(o) * (2 * q[0] - 1)),
}));

/** SE(2): p -> R(theta) p + t. */
export const se2 = similarityGroup('se2', 'SE(2) rigid motions', ['theta', 'tx', 'ty'], TESTING, (o) => ({
  description: `angle uniform on [-pi, pi), translation uniform in the disk of radius ${radius(o)} px (Haar measure)`,
  sample: (q) => Float64Array.of(2 * Math.PI * q[0] - Math.PI, ...diskPoint(q[1], q[2], radius(o))),
}));

/** Sim(2): p -> e^lambda R(theta) p + t. */
export const sim2 = similarityGroup('sim2', 'Sim(2) similarities', ['theta', 'lambda', 'tx', 'ty'], TESTING, (o) => ({
  description: `angle uniform on [-pi, pi), log-scale uniform in [-${logRange(o)}, ${logRange(o)}], translation uniform in the disk of radius ${radius(o)} px (right Haar measure d theta d lambda dt; Sim(2) is not unimodular)`,
  sample: (q) => Float64Array.of(2 * Math.PI * q[0] - Math.PI, logRange(o) * (2 * q[1] - 1), ...diskPoint(q[2], q[3], radius(o))),
}));
