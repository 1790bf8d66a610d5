// One chart of the report, drawn in the browser from the same definition the server renders to SVG.
// A pie's labels are a list under it here (they wrap at any width); around a narrow pie they are cut.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { LegendEntry } from '../../../src/report/charts.ts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, CanvasRenderer]);

/** The pie without text around it: the list says what each slice is. */
const BARE_PIE = { series: [{ label: { show: false }, labelLine: { show: false }, radius: ['40%', '80%'], center: ['50%', '50%'] }] };

export function ReportChart({ id, title, option, legend }: { id: string; title: string; option: Record<string, unknown>; legend: LegendEntry[] | null }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.setOption(option);
    if (legend) chart.setOption(BARE_PIE);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, legend]);
  return (
    <figure className="report-chart" data-chart={id}>
      <figcaption>{title}</figcaption>
      <div ref={el} className={legend ? 'report-chart-canvas report-chart-canvas--pie' : 'report-chart-canvas'} role="img" aria-label={title} />
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
