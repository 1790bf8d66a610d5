// Client calls and types of case work (notes, attachments, assignment), from the server's schemas.
import type { z } from 'zod';
import type { Assignment, AttachmentList, NoteHistory, NoteList } from '../../../src/casework/schema.ts';

export type Notes = z.infer<typeof NoteList>;
export type Note = Notes['items'][number];
export type NoteVersions = z.infer<typeof NoteHistory>;
export type Attachments = z.infer<typeof AttachmentList>;
export type AssignmentData = z.infer<typeof Assignment>;

/** The file as base64, read in the browser (the API takes JSON bodies only). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
