/**
 * On PGlite one process owns the database, so what it reads of a few small tables can be kept in
 * memory, provided any change to them is seen. Every statement the PGlite handle runs passes
 * here; one that may write a watched table (anything but a plain select that names it: insert,
 * update, delete, with, DDL, even one that rolls back later) moves the generation on, and a copy
 * read under an older generation is no longer used. A statement runs alone on PGlite's single
 * connection, so none can slip between a read and the check of its generation.
 */
const WATCHED = /\b(sessions|users)\b/i;
const PLAIN_SELECT = /^\s*select\b/i;

let generation = 0;

export const watchedGeneration = () => generation;

export function noteStatement(sql: string): void {
  if (!PLAIN_SELECT.test(sql) && WATCHED.test(sql)) generation++;
}
