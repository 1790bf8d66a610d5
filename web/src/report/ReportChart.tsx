// One chart of the report, drawn in the browser from the same definition the server renders to SVG.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, CanvasRenderer]);

export function ReportChart({ id, title, option }: { id: string; title: string; option: Record<string, unknown> }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <figure className="report-chart" data-chart={id}>
      <figcaption>{title}</figcaption>
      <div ref={el} className="report-chart-canvas" role="img" aria-label={title} />
    </figure>
  );
}
