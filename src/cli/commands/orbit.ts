import { readFileSync } from 'node:fs';
import type { Action } from '../program.js';
import { InputRangeError, UserError, isUserError } from '../../core/errors.js';
import { readImageFile, type GrayImage } from '../../data/imageFile.js';
import { parseGeneratorsFile, type PermGroup } from '../../groups/perm/index.js';
import { GROUP_REGISTRY, isFiniteGroupName, isLieGroupName, LIE_GROUP_NAMES } from '../../groups/groupNames.js';
import { pixelGroup } from '../../groups/pixelGroup.js';
// the finite half imports its modules directly (not actions/index.js): a finite orbit must not
// load ONNX Runtime, which the continuous half (imported on use below) needs
import { ENUMERATE_MAX_ORDER, imageStabilizer } from '../../actions/imageStabilizer.js';
import { epsStabilizer } from '../../actions/epsStabilizer.js';
import { torusStabilizer, type TorusGroup } from '../../actions/torusStabilizer.js';
import { FINITE_ORBIT_NAMES } from '../orbitGroups.js';
import type { BorderMode, Interpolation } from '../../actions/imageStack.js';

/** Options every group handler receives (the continuous ones only by continuous groups). */
export interface OrbitOptions {
  readonly levels?: number;
  readonly eps?: number;
  readonly tol?: number;
  readonly interp?: Interpolation;
  readonly border?: BorderMode;
  readonly samples?: number;
}

/**
 * One family of groups for `orbitscope orbit`: `matches` says whether a --group value is its,
 * `run` computes the output fields for the image. The output of a finite group is
 * {group, groupOrder, orbitSize, stabilizerOrder (decimal strings), epsStabilizerSize with --eps}.
 * Continuous groups (t2, so2, scale, se2, sim2, gl2, aff2) join by adding entries to
 * `orbitGroupHandlers`, with their own fields.
 */
export interface OrbitGroupHandler {
  readonly names: string;
  matches(group: string): boolean;
  run(group: string, image: GrayImage, options: OrbitOptions): Record<string, unknown> | Promise<Record<string, unknown>>;
}

function squareSide(group: string, image: GrayImage): number {
  if (image.height !== image.width) throw new InputRangeError(`--group ${group}: needs a square image, got ${image.height} x ${image.width}`);
  return image.height;
}

/** The finite pixel permutation group named by --group for this image: a registry name or gens:FILE. */
export function orbitPermGroup(group: string, image: GrayImage): PermGroup {
  const n = image.height * image.width;
  if (isFiniteGroupName(group)) {
    if (GROUP_REGISTRY[group].square) squareSide(group, image);
    return pixelGroup(group, image.height, image.width);
  }
  const file = group.slice('gens:'.length);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`--group ${group}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseGeneratorsFile(text, `--group ${group}`, n);
}

/** Finite pixel groups: exact stabilizer and orbit size of the quantised image. */
export const finiteOrbitHandler: OrbitGroupHandler = {
  names: FINITE_ORBIT_NAMES,
  matches: (g) => isFiniteGroupName(g) || (g.startsWith('gens:') && g.length > 5),
  run(group, image, options) {
    // torus translations and p4m (side >= 3): exact stabilizer by row matching, without building
    // the group (p4m on 512 x 512 has 2 million elements of degree 262,144)
    const torus = group === 'translations' || (group === 'p4m' && squareSide(group, image) >= 3);
    if (torus && options.eps === undefined) {
      const r = torusStabilizer(group as TorusGroup, image.pixels, image.height, image.width, { levels: options.levels });
      return { group, groupOrder: r.groupOrder.toString(), orbitSize: r.orbitSize.toString(), stabilizerOrder: r.stabilizerOrder.toString() };
    }
    if (torus && BigInt(image.height * image.width) * (group === 'p4m' ? 8n : 1n) > ENUMERATE_MAX_ORDER) {
      throw new InputRangeError(`--eps: the eps-stabilizer enumerates the group, and --group ${group} on ${image.height} x ${image.width} has order ${BigInt(image.height * image.width) * (group === 'p4m' ? 8n : 1n)}, above ${ENUMERATE_MAX_ORDER}`);
    }
    const G = orbitPermGroup(group, image);
    const r = imageStabilizer(G, image.pixels, { levels: options.levels });
    const out: Record<string, unknown> = {
      group,
      groupOrder: G.order().toString(),
      orbitSize: r.orbitSize.toString(),
      stabilizerOrder: r.stabilizerOrder.toString(),
    };
    if (options.eps !== undefined && G.order() > ENUMERATE_MAX_ORDER) {
      throw new InputRangeError(`--eps: the eps-stabilizer enumerates the group, and --group ${group} has order ${G.order()}, above ${ENUMERATE_MAX_ORDER}`);
    }
    if (options.eps !== undefined) out.epsStabilizerSize = String(epsStabilizer(G, image.pixels, options.eps).count);
    return out;
  },
};

/** Image-plane Lie groups: orbit and stabilizer dimensions, and epsilon measures with --eps. */
export const continuousOrbitHandler: OrbitGroupHandler = {
  names: LIE_GROUP_NAMES.join('|'),
  matches: isLieGroupName,
  async run(group, image, options) {
    if (options.levels !== undefined) throw new UserError(`--levels: quantisation applies to finite groups only, not to ${group}`);
    const { eps, tol, interp, border, samples } = options;
    const { orbitContinuous } = await import('./orbitContinuous.js');
    return { ...(await orbitContinuous(image, group, { eps, tol, interp, border, samples })) };
  },
};

/** The group families of `orbitscope orbit`, tried in order. */
export const orbitGroupHandlers: OrbitGroupHandler[] = [finiteOrbitHandler, continuousOrbitHandler];

const FINITE_ONLY = ['tol', 'interp', 'border', 'samples'] as const;

function readImage(path: string): GrayImage {
  try {
    return readImageFile(path);
  } catch (e) {
    if (isUserError(e)) throw new UserError(`--image ${e.message}`);
    throw e;
  }
}

/** The flags as the registrar's value parsers hand them over (validated and typed there). */
export type OrbitFlags = OrbitOptions & { image: string; group: string; json?: boolean };

function finiteSummary(o: OrbitFlags, image: GrayImage, out: Record<string, unknown>): string[] {
  const lines = [`${o.image} (${image.height} x ${image.width}) under ${o.group} (order ${out.groupOrder}):`, `  orbit size ${out.orbitSize}, stabilizer order ${out.stabilizerOrder}`];
  if (out.epsStabilizerSize !== undefined) lines.push(`  eps-stabilizer (eps = ${o.eps}): ${out.epsStabilizerSize} elements`);
  return lines;
}

function continuousSummary(o: OrbitFlags, image: GrayImage, out: Record<string, unknown>): string[] {
  const sv = (out.singularValues as number[]).map((v) => v.toPrecision(3)).join(', ');
  const lines = [
    `${o.image} (${image.height} x ${image.width}) under ${o.group} (dimension ${out.dim}):`,
    `  orbit dimension ${out.orbitDim}, stabilizer dimension ${out.stabilizerDim} (tolerance ${out.tol})`,
    `  singular values of the tangent matrix / ||x||: ${sv}`,
  ];
  if (out.epsStabilizerMeasure !== undefined) lines.push(`  eps-stabilizer measure ${out.epsStabilizerMeasure}, eps-orbit size ${out.epsOrbitSize} (${out.samples} samples)`);
  return lines;
}

/** `orbitscope orbit`: orbit size and stabilizer of an image under a group. */
export const handle: Action<OrbitFlags> = async (o, _args, io) => {
  const handler = orbitGroupHandlers.find((h) => h.matches(o.group));
  if (!handler) throw new UserError(`--group: unknown group "${o.group}"; expected one of ${orbitGroupHandlers.map((h) => h.names).join('|')}`);
  const continuous = handler === continuousOrbitHandler;
  if (!continuous) {
    const misplaced = FINITE_ONLY.find((k) => o[k] !== undefined);
    if (misplaced) throw new UserError(`--${misplaced}: applies to the image-plane Lie groups only, not to ${o.group}`);
  }
  const image = readImage(o.image);
  const out = await handler.run(o.group, image, { levels: o.levels, eps: o.eps, tol: o.tol, interp: o.interp, border: o.border, samples: o.samples });
  if (o.json) {
    io.out(JSON.stringify(out));
    return;
  }
  // every warning the JSON carries is in the text too
  io.out([...(continuous ? continuousSummary(o, image, out) : finiteSummary(o, image, out)), ...(Array.isArray(out.warnings) ? (out.warnings as string[]).map((w) => `  warning: ${w}`) : [])].join('\n'));
};
