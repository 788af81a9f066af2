import type { View } from 'vega';
import { featureRecord, loadRun, loadSnapshot, loadUnits } from '../api.js';
import { renderChart } from '../chart.js';
import { el, fmt, MISSING } from '../dom.js';
import { maxAbs } from '../../../core/linalg/maxAbs.js';
import { drawImage } from '../render.js';
import { actPlane, IDENTITY_PARAMS, planeDistance, rotationCurve, type PlaneParams } from '../../shared/imagePlane.js';
import { orbitDimension, DEFAULT_RANK_TOL } from '../../../actions/orbitDimension.js';
import { lieGroup } from '../../../groups/lie/lieGroupRegistry.js';
import { LIE_GROUP_NAMES, type LieGroupName } from '../../../groups/groupNames.js';
import { orbitNumbersFromJson } from '../../../results/orbitNumbers.js';
import { d4EpsStabilizer, epsStabilizerSize } from '../../shared/finiteStabilizers.js';

/** Sliders each group of the feature view moves (a subset of angle, tx, ty, scale, shear). */
const GROUP_SLIDERS: Partial<Record<LieGroupName, (keyof PlaneParams)[]>> = {
  so2: ['angle'],
  t2: ['tx', 'ty'],
  se2: ['angle', 'tx', 'ty'],
  sim2: ['angle', 'tx', 'ty', 'scale'],
  aff2: ['angle', 'tx', 'ty', 'scale', 'shear'],
};

/** Lie groups whose tangent spectrum the page also computes itself, beside the run's. */
const PAGE_SPECTRA: readonly LieGroupName[] = ['so2', 'se2', 'sim2', 'aff2'];

const ORBIT_FRAMES = 12;

/** Feature view: the feature, live group actions, distance curve, orbit strip, tangent spectrum, stabilizers. */
export async function featurePage(root: HTMLElement, id: string, params: URLSearchParams): Promise<() => void> {
  const run = await loadRun(id);
  if (!run.index) throw new Error('this run has no features/index.json');
  const { height: h, width: w } = run.index;
  const seed = Number(params.get('seed') ?? run.index.seeds[0]);
  const layer = Number(params.get('layer') ?? 1);
  const unit = Number(params.get('unit') ?? 0);
  const snap = Number(params.get('snap') ?? run.index.snapshots.length - 1);
  const [all, records] = await Promise.all([loadSnapshot(id, seed, layer, snap), loadUnits(id, seed, layer)]);
  if ((unit + 1) * h * w > all.length) throw new Error(`unit ${unit} is not in layer ${layer}`);
  const x = all.slice(unit * h * w, (unit + 1) * h * w);
  const rec = featureRecord(records, unit, snap);
  const orbits = orbitNumbersFromJson(rec?.orbits ?? {});
  const zoom = Math.max(4, Math.floor(224 / Math.max(h, w)));
  const range = maxAbs(x);
  const s = run.index.snapshots[snap];
  root.append(el('h2', {}, `${id}: seed ${seed}, layer ${layer}, unit ${unit}, snapshot ${snap} (epoch ${s?.epoch})`));
  if (rec?.matchedPrimitive) root.append(el('p', { class: 'muted' }, `matched primitive: ${rec.matchedPrimitive.name} (cosine ${fmt(rec.matchedPrimitive.cosine)})`));

  // --- live action
  const p: PlaneParams = { ...IDENTITY_PARAMS };
  const groupSel = el('select', { 'data-testid': 'group' }, ...Object.keys(GROUP_SLIDERS).map((g) => el('option', { value: g, selected: g === 'so2' }, g)));
  const xCanvas = el('canvas', { 'data-testid': 'x' });
  const gxCanvas = el('canvas', { 'data-testid': 'gx' });
  drawImage(xCanvas, x, h, w, zoom, range);
  const readout = el('span', { class: 'readout', 'data-testid': 'distance' });
  const timing = el('span', { class: 'muted', 'data-testid': 'timing' });
  const sliders = el('div', { class: 'controls' });
  const specs: Record<keyof PlaneParams, { min: number; max: number; step: number; label: string; toParam: (v: number) => number; fromParam: (v: number) => number }> = {
    angle: { min: -180, max: 180, step: 0.5, label: 'angle (deg)', toParam: (v) => v, fromParam: (v) => v },
    tx: { min: -w / 2, max: w / 2, step: 0.25, label: 'tx (px)', toParam: (v) => v, fromParam: (v) => v },
    ty: { min: -h / 2, max: h / 2, step: 0.25, label: 'ty (px)', toParam: (v) => v, fromParam: (v) => v },
    scale: { min: -1, max: 1, step: 0.01, label: 'scale (log2)', toParam: (v) => 2 ** v, fromParam: (v) => Math.log2(v) },
    shear: { min: -1, max: 1, step: 0.01, label: 'shear', toParam: (v) => v, fromParam: (v) => v },
  };
  const chartRef: { view?: View } = {};
  const update = () => {
    const t0 = performance.now();
    const gx = actPlane(x, h, w, p);
    const d = planeDistance(x, h, w, p);
    drawImage(gxCanvas, gx, h, w, zoom, range);
    readout.textContent = `||g.x - x|| / ||x|| = ${Number.isFinite(d) ? d.toFixed(6) : 'undefined (x is 0 on the window)'}`;
    readout.dataset.value = String(d);
    readout.dataset.params = JSON.stringify(p);
    timing.textContent = `(${(performance.now() - t0).toFixed(1)} ms)`;
    void chartRef.view?.data('marker', [{ angle: ((p.angle % 360) + 360) % 360, distance: d }]).runAsync();
  };
  const buildSliders = () => {
    sliders.replaceChildren();
    const names = GROUP_SLIDERS[groupSel.value as LieGroupName] ?? [];
    for (const k of Object.keys(specs) as (keyof PlaneParams)[]) if (!names.includes(k)) p[k] = IDENTITY_PARAMS[k];
    for (const k of names) {
      const sp = specs[k];
      const input = el('input', { type: 'range', min: sp.min, max: sp.max, step: sp.step, value: sp.fromParam(p[k]), 'data-testid': `slider-${k}` });
      const val = el('span', { class: 'readout' }, fmt(p[k]));
      input.addEventListener('input', () => {
        p[k] = sp.toParam(Number(input.value));
        val.textContent = fmt(p[k]);
        update();
      });
      sliders.append(el('label', {}, sp.label, input, val));
    }
    update();
  };
  groupSel.addEventListener('change', buildSliders);
  root.append(
    el('div', { class: 'row' },
      el('div', { class: 'panel' }, el('h3', {}, 'x'), xCanvas),
      el('div', { class: 'panel' }, el('h3', {}, 'g.x'), gxCanvas),
      el('div', { class: 'panel' },
        el('h3', {}, 'group element'),
        el('div', { class: 'controls' }, el('label', {}, 'group', groupSel)),
        sliders,
        el('p', {}, readout, ' ', timing),
        el('p', { class: 'muted' }, 'Bilinear resampling, zeros outside the frame, origin at the image centre, v down (positive angles turn clockwise on screen); distance inside the soft inscribed disk.'),
      ),
    ),
  );

  // --- distance curve over the rotation subgroup, with the eps line
  // default to the eps the run measured with (the finite groups' eps on its records, else its
  // config's), so the page's counts agree with the layer grid; say where it came from
  const recordEps = Object.values(orbits).map((r) => (r.kind === 'finite' ? r.eps : undefined)).find((e) => e !== undefined);
  const runConfig = ((run.results as { config?: { config?: { finiteEps?: unknown } } } | null)?.config?.config ?? {}) as { finiteEps?: unknown };
  const runEps = recordEps ?? (typeof runConfig.finiteEps === 'number' ? runConfig.finiteEps : undefined);
  let eps = Number(params.get('eps') ?? runEps ?? 0.1);
  const epsSource = params.get('eps') !== null ? 'from the address' : runEps !== undefined ? "the run's eps" : 'the run states no eps; default 0.1';
  const epsInput = el('input', { type: 'number', min: 0, max: 2, step: 0.01, value: eps, 'data-testid': 'eps' });
  const epsListeners: (() => void)[] = [];
  epsInput.addEventListener('input', () => {
    const v = Number(epsInput.value);
    if (!(v >= 0) || !Number.isFinite(v)) return;
    eps = v;
    epsListeners.forEach((f) => f());
  });
  const curve = rotationCurve(x, h, w, 2);
  const chartEl = el('div', { 'data-testid': 'curve' });
  root.append(el('h3', {}, 'Distance along rotations (0..360 deg)'), el('div', { class: 'controls' }, el('label', {}, 'eps', epsInput), el('span', { class: 'muted', 'data-testid': 'eps-source' }, ` ${epsSource} (${eps})`)), chartEl);
  chartRef.view = await renderChart(chartEl, {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 520,
    height: 180,
    layer: [
      { data: { values: curve }, mark: { type: 'line', tooltip: true }, encoding: { x: { field: 'angle', type: 'quantitative', title: 'angle (deg)', scale: { domain: [0, 360], nice: false } }, y: { field: 'distance', type: 'quantitative', title: '||g.x - x|| / ||x||' } } },
      { data: { name: 'eps' }, mark: { type: 'rule', color: '#e65100', strokeDash: [4, 3] }, encoding: { y: { field: 'eps', type: 'quantitative' } } },
      { data: { name: 'marker' }, mark: { type: 'point', filled: true, color: '#c62828', size: 70 }, encoding: { x: { field: 'angle', type: 'quantitative' }, y: { field: 'distance', type: 'quantitative' } } },
    ],
  });
  const belowText = el('p', { class: 'muted' });
  root.append(belowText);
  const showBelow = () => {
    void chartRef.view?.data('eps', [{ eps }]).runAsync();
    const below = curve.filter((c) => c.distance <= eps && c.angle > 0 && c.angle < 360).map((c) => c.angle);
    belowText.textContent = below.length ? `within eps = ${eps} at ${below.length} of ${curve.length - 2} sampled non-identity angles (e.g. ${below.slice(0, 6).join(', ')} deg)` : `no non-identity sampled angle is within eps = ${eps}`;
  };
  epsListeners.push(showBelow);
  showBelow();

  // --- orbit strip (animated)
  const frames = Array.from({ length: ORBIT_FRAMES }, (_, i) => {
    const c = el('canvas', { title: `${(360 / ORBIT_FRAMES) * i} deg` });
    drawImage(c, actPlane(x, h, w, { ...IDENTITY_PARAMS, angle: (360 / ORBIT_FRAMES) * i }), h, w, 3, range);
    return c;
  });
  const player = el('canvas', { 'data-testid': 'orbit-player' });
  root.append(el('h3', {}, 'Orbit under rotations'), el('div', { class: 'row' }, player, el('div', { class: 'strip', 'data-testid': 'orbit-strip' }, ...frames)));
  let angle = 0;
  let last = -1;
  const timer = window.setInterval(() => {
    angle = (angle + 3) % 360;
    drawImage(player, actPlane(x, h, w, { ...IDENTITY_PARAMS, angle }), h, w, 3, range);
    const cur = Math.floor(angle / (360 / ORBIT_FRAMES));
    if (cur !== last) {
      frames.forEach((f, i) => f.classList.toggle('current', i === cur));
      last = cur;
    }
  }, 60);

  // --- tangent spectrum: the run's numbers (its unit table), and the library's orbitDimension run in the page
  const svTable = el('table', { 'data-testid': 'singular-values' }, el('tr', {}, el('th', {}, 'group'), el('th', {}, 'source'), el('th', {}, 'singular values of W J / ||W x||'), el('th', {}, 'orbit dim'), el('th', {}, 'stabilizer dim'), el('th', {}, 'tol')));
  for (const g of LIE_GROUP_NAMES) {
    const stored = orbits[g];
    if (stored?.kind === 'lie' && stored.singularValues !== null) {
      svTable.append(el('tr', {}, el('td', {}, g), el('td', {}, 'the run'), el('td', { class: 'readout' }, stored.singularValues.map((v) => fmt(v)).join('  ')), el('td', {}, String(stored.orbitDim ?? MISSING)), el('td', {}, String(stored.stabilizerDim ?? MISSING)), el('td', {}, String(stored.tol ?? MISSING))));
    }
    if (PAGE_SPECTRA.includes(g)) {
      let cells: HTMLElement[];
      try {
        const od = orbitDimension(x, h, w, lieGroup(g));
        cells = [el('td', { class: 'readout' }, od.singularValues.map((v) => fmt(v)).join('  ')), el('td', {}, String(od.orbitDim)), el('td', {}, String(od.stabilizerDim)), el('td', {}, String(od.tol))];
      } catch (e) {
        cells = [el('td', { class: 'muted' }, (e as Error).message)];
      }
      svTable.append(el('tr', {}, el('td', {}, g), el('td', { class: 'muted' }, 'computed in the page'), ...cells));
    }
  }
  root.append(
    el('h3', {}, 'Tangent matrix J = [L_1 x ... L_k x]'),
    svTable,
    el('p', { class: 'muted' }, `Page rows: the library's orbitDimension (4th-order central differences, soft disk window clear of the stencil, rank tolerance ${DEFAULT_RANK_TOL} relative to ||W x||); rows marked "the run" come from its unit table (units/seed-${seed}-layer-${layer}.parquet).`),
  );

  // --- finite groups
  const fin = el('div', { 'data-testid': 'finite' });
  if (!rec) fin.append(el('p', { class: 'muted' }, "the run's unit table has no record for this feature."));
  for (const [g, r] of Object.entries(orbits)) {
    if (r.kind !== 'finite') continue;
    const elems = r.stabilizerElements;
    fin.append(
      el('p', {}, el('b', {}, g), `: |G| = ${r.groupOrder ?? '?'}, orbit size ${r.orbitSize}, stabilizer order ${r.stabilizerOrder ?? '?'}`),
      el('p', { class: elems ? '' : 'muted' }, elems ? `stabilizer elements: ${elems.join(', ')}` : `the run lists no stabilizer elements for ${g}.`),
    );
    if (r.eps !== undefined) {
      // the run's eps-stabilizer beside the page's, computed by the same function at the page's eps
      const line = el('p');
      const showEps = () => {
        const size = epsStabilizerSize(g, x, h, w, eps);
        line.replaceChildren(
          `|S_eps| (mean-centred feature, whole frame): the run ${r.epsStabilizerSize ?? '?'} at eps = ${r.eps}; computed in the page `,
          el('span', { class: 'readout', 'data-testid': `eps-size-${g}`, 'data-value': String(size) }, size === null ? 'n/a' : String(size)),
          ` at eps = ${eps}`,
        );
      };
      epsListeners.push(showEps);
      showEps();
      fin.append(line);
    }
  }
  if (h === w) {
    const d4 = el('p');
    const showD4 = () =>
      d4.replaceChildren(
        `D4 (pixel symmetries of the square about its centre) elements within eps = ${eps} of the mean-centred feature, whole frame, computed in the page: `,
        el('span', { class: 'readout', 'data-testid': 'd4' }, d4EpsStabilizer(x, h, eps).map((e) => `${e.element} (${fmt(e.distance)})`).join(', ')),
      );
    epsListeners.push(showD4);
    showD4();
    fin.append(d4);
  }
  root.append(el('h3', {}, 'Finite groups'), fin);

  buildSliders();
  return () => window.clearInterval(timer);
}
