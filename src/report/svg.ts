// Server-side rendering of the shared chart definitions: ECharts' SSR mode writes SVG with no DOM.
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';

export const CHART_SIZE = { width: 640, height: 320 };

export function renderSvg(option: Record<string, unknown>, size = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ textStyle: { fontFamily: 'Liberation Sans, DejaVu Sans, Arial, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A PNG of an SVG, for Word, which shows SVG only beside a raster fallback. */
export function svgToPng(svg: string, width = CHART_SIZE.width * 2): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true } }).render().asPng();
}
