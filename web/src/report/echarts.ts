// ECharts with only the parts the report draws. Imported on demand by ReportChart, so the library
// (most of the web app's weight) is fetched only by pages that show a chart.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, CanvasRenderer]);

export const init = (node: HTMLElement) => echarts.init(node, null, { renderer: 'canvas' });
export type Chart = ReturnType<typeof init>;
