// The report's chart options are laid out for a 640 px page; on the report page a chart may be half
// as wide. Bars get the room their labels need there: labels wrap between words to the width they
// have, vertical bars too narrow for their labels turn horizontal, and a chart grows a row per bar.
import { wrapWords } from '../../../src/report/wrap.ts';

type Option = Record<string, unknown>;
interface Axis {
  type: string;
  data?: string[];
  axisLabel?: Record<string, unknown>;
  inverse?: boolean;
}
interface Bars {
  type: string;
  stack?: string;
  label?: Record<string, unknown>;
}

const LINE_PX = 14;
/** Below this much room per bar, labels under vertical bars run into each other. */
const MIN_SLOT_PX = 110;
const rewrap = (labels: string[], px: number) => labels.map((l) => wrapWords(l.replaceAll('\n', ' '), px));
const linesOf = (labels: string[]) => Math.max(1, ...labels.map((l) => l.split('\n').length));

/** The option and height for a chart `width` pixels wide; series (stacked years) and pies stay as they are. */
export function fitToWidth(option: Option, width: number): { option: Option; height: number } {
  const series = (option.series ?? []) as Bars[];
  const bars = series.length === 1 && series[0]?.type === 'bar' && !series[0].stack ? series[0] : null;
  const x = option.xAxis as Axis | undefined;
  const y = option.yAxis as Axis | undefined;
  if (!bars) return { option, height: 300 };
  const vertical = x?.type === 'category';
  const category = (vertical ? x : y) as Axis;
  const labels = category.data ?? [];
  if (vertical && (width - 60) / Math.max(1, labels.length) >= MIN_SLOT_PX) {
    const slot = (width - 60) / labels.length - 8;
    const data = rewrap(labels, slot);
    return { option: { ...option, xAxis: { ...category, data, axisLabel: { interval: 0, width: slot, overflow: 'break', lineHeight: LINE_PX } }, grid: { left: 50, right: 20, top: 20, bottom: 20 + linesOf(data) * LINE_PX } }, height: 300 };
  }
  // Horizontal: labels on the left, at most two fifths of the width.
  const labelPx = Math.min(180, Math.floor(width * 0.4));
  const data = rewrap(labels, labelPx);
  return {
    option: {
      ...option,
      yAxis: { ...category, data, inverse: true, axisLabel: { interval: 0, width: labelPx, overflow: 'break', lineHeight: LINE_PX } },
      xAxis: { type: 'value', minInterval: 1 },
      grid: { left: labelPx + 16, right: 40, top: 10, bottom: 30 },
      series: [{ ...bars, label: { ...bars.label, show: true, position: 'right' } }],
    },
    // ECharts gives every bar the same band: each as high as the tallest label.
    height: Math.max(220, 50 + data.length * (linesOf(data) * LINE_PX + 12)),
  };
}
