/** Tiny DOM helpers: the explorer uses no framework. */
import { fmt, fmtInterval, MISSING } from '../../report/numberFormat.js';
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
  return el('span', { class: `verdict ${(v ?? 'none').replace(/ /g, '-')}` }, v ?? MISSING);
}

/** Numbers for display: report.html's format (src/report/numberFormat.ts, which imports nothing). */
export { fmt, fmtInterval, MISSING };

/** A status line with a spinner, shown while a page waits for files (hidden by setLoading(e, null)). */
export function loadingIndicator(): HTMLElement {
  return el('p', { class: 'loading', 'data-testid': 'loading', role: 'status', 'aria-live': 'polite' }, el('span', { class: 'spinner' }), el('span', { class: 'what' }, 'Loading …'));
}

/** Show the indicator saying what is loading, or hide it (what = null). */
export function setLoading(indicator: HTMLElement, what: string | null): void {
  indicator.hidden = what === null;
  if (what !== null) indicator.querySelector('.what')!.textContent = `Loading ${what} …`;
}
