/**
 * Vega-Lite charts rendered with vega.View (SVG renderer): a small tooltip handler instead of
 * vega-tooltip, and a click callback with the clicked datum.
 */
import { View, parse, type TooltipHandler } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

const tooltipEl = () => document.getElementById('tooltip') as HTMLElement;

const showTooltip: TooltipHandler = (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown): void => {
  const tip = tooltipEl();
  if (value === null || value === undefined || value === '') {
    tip.hidden = true;
    return;
  }
  tip.textContent = typeof value === 'object' ? Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'number' ? +v.toPrecision(6) : v}`).join('\n') : String(value);
  tip.hidden = false;
  tip.style.left = `${event.clientX + 12}px`;
  tip.style.top = `${event.clientY + 12}px`;
};

/** Render a Vega-Lite spec into `el`; `onClick` gets the datum of a clicked mark. */
export async function renderChart(el: HTMLElement, spec: TopLevelSpec, onClick?: (datum: Record<string, unknown>) => void): Promise<View> {
  const view = new View(parse(compile(spec).spec), { renderer: 'svg', hover: true });
  view.tooltip(showTooltip);
  if (onClick) {
    view.addEventListener('click', (_event, item) => {
      const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
      if (datum) onClick(datum);
    });
  }
  view.initialize(el);
  await view.runAsync();
  return view;
}

/** Hide the tooltip (on page change). */
export function hideTooltip(): void {
  tooltipEl().hidden = true;
}
