/** Tiny DOM helpers: the explorer uses no framework. */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Create an element with attributes (on* keys become listeners) and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** A verdict badge. */
export function verdictBadge(v: string | undefined): HTMLElement {
  return el('span', { class: `verdict ${(v ?? 'none').replace(/ /g, '-')}` }, v ?? '-');
}

/** Format a number for display (null -> "-"). */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toFixed(digits);
}
