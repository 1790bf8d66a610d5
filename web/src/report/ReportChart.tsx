// One chart of the report, drawn in the browser from the same definition the server renders to SVG.
// A pie's labels are a list under it here (they wrap at any width); around a narrow pie they are cut.
import { useEffect, useRef } from 'react';
import type { LegendEntry } from '../../../src/report/charts.ts';
import { fitToWidth } from './chartLayout.ts';
import type { Chart } from './echarts.ts';

const PIE_PX = 200;
/** The pie without text around it: the list says what each slice is. */
const BARE_PIE = { series: [{ label: { show: false }, labelLine: { show: false }, radius: ['40%', '80%'], center: ['50%', '50%'] }] };

export function ReportChart({ id, title, option, legend }: { id: string; title: string; option: Record<string, unknown>; legend: LegendEntry[] | null }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let chart: Chart | null = null;
    let init: ((n: HTMLElement) => Chart) | null = null;
    let gone = false;
    // Laid out for the width the chart has, again whenever the window changes.
    const draw = () => {
      if (!init) return;
      const fitted = legend ? { option, height: PIE_PX } : fitToWidth(option, node.clientWidth);
      node.style.height = `${fitted.height}px`;
      if (chart) chart.resize();
      else chart = init(node);
      chart.setOption(fitted.option, true);
      if (legend) chart.setOption(BARE_PIE);
    };
    // The library is loaded with the first chart; the list under a pie and the caption show at once.
    void import('./echarts.ts').then((m) => {
      if (gone) return;
      init = m.init;
      draw();
    });
    window.addEventListener('resize', draw);
    return () => {
      gone = true;
      window.removeEventListener('resize', draw);
      chart?.dispose();
    };
  }, [option, legend]);
  return (
    <figure className="report-chart" data-chart={id}>
      <figcaption>{title}</figcaption>
      <div ref={el} className="report-chart-canvas" role="img" aria-label={title} />
      {legend && (
        <ul className="chart-legend">
          {legend.map((e, i) => (
            <li key={`${i}-${e.name}`}>
              <svg className="chart-swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <rect width="12" height="12" rx="2" fill={e.color} />
              </svg>
              {e.text}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
