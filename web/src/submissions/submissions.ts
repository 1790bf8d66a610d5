// Agency submissions in the web app: the server's schemas as types, and the paths of its pages.
import type { z } from 'zod';
import type { Completeness as CompletenessSchema, FigureList, Form as FormSchema, Submission as SubmissionSchema, SubmissionList } from '../../../src/submissions/schema.ts';

export type SubmissionForm = z.infer<typeof FormSchema>;
export type SubmissionFull = z.infer<typeof SubmissionSchema>;
export type Submissions = z.infer<typeof SubmissionList>;
export type CompletenessData = z.infer<typeof CompletenessSchema>;
export type Figures = z.infer<typeof FigureList>;

export const submissionPage = (id: string) => `/submissions/${encodeURIComponent(id)}`;
export const formPage = (period: string) => `/submissions/form?period=${encodeURIComponent(period)}`;
/** The year whose figures are usually being reported: the last one. */
export const lastYear = () => String(new Date().getUTCFullYear() - 1);

/** A file as base64, for the JSON import body. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}
