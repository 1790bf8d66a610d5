// The definition being edited: sections as data, each figure as the JSON text in its box
// (so a half-typed figure stays as typed), and the server's field errors by path.
import { useCallback, useMemo, useState } from 'react';
import type { FieldError } from '../../api.ts';
import type { FigureDef, ReportDefinition } from '../report.ts';

export type Path = (string | number)[];

/** A copy of `obj` with the value at `path` replaced. */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(obj) ? [...obj] : { ...(obj as object) }) as Record<string | number, unknown>;
  copy[head] = setIn(copy[head], rest, value);
  return copy as T;
}

export const figureText = (f: FigureDef) => JSON.stringify(f, null, 2);

/** The figure boxes parsed: the definition to send, or the boxes whose JSON does not parse. */
export function compose(base: ReportDefinition, figureTexts: string[]): { definition: ReportDefinition | null; jsonErrors: Map<number, string> } {
  const jsonErrors = new Map<number, string>();
  const figures: FigureDef[] = [];
  figureTexts.forEach((text, i) => {
    try {
      figures.push(JSON.parse(text) as FigureDef);
    } catch (e) {
      jsonErrors.set(i, (e as Error).message);
    }
  });
  return { definition: jsonErrors.size ? null : { ...base, figures }, jsonErrors };
}

/** The errors the server named at `prefix` or inside it. */
export const errorsUnder = (fields: FieldError[], prefix: string) => fields.filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`));

export function useDefinitionDraft(initial: ReportDefinition) {
  const [base, setBase] = useState<ReportDefinition>(initial);
  const [figures, setFigures] = useState<{ key: number; text: string }[]>(() => initial.figures.map((f, key) => ({ key, text: figureText(f) })));
  const figureTexts = useMemo(() => figures.map((f) => f.text), [figures]);
  const figureKeys = useMemo(() => figures.map((f) => f.key), [figures]);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const composed = useMemo(() => compose(base, figureTexts), [base, figureTexts]);

  const update = useCallback((path: Path, value: unknown) => setBase((d) => setIn(d, path, value)), []);
  const setFigure = useCallback((i: number, text: string) => setFigures((xs) => xs.map((x, j) => (j === i ? { ...x, text } : x))), []);
  const addFigure = useCallback((f: FigureDef) => setFigures((xs) => [...xs, { key: Math.max(-1, ...xs.map((x) => x.key)) + 1, text: figureText(f) }]), []);
  // A removed figure shifts the server's paths of those after it: its errors are stale either way.
  const removeFigure = useCallback((i: number) => {
    setFigures((xs) => xs.filter((_, j) => j !== i));
    setFieldErrors([]);
  }, []);

  return { base, figureTexts, figureKeys, composed, fieldErrors, setFieldErrors, update, setFigure, addFigure, removeFigure };
}
export type DefinitionDraft = ReturnType<typeof useDefinitionDraft>;
