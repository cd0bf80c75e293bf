import { z } from "zod";

export const PAGE_SIZE = 20;

/** A page number from the query string: bad values fall back to the first page rather than erroring. */
export const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export type Page<T> = { rows: T[]; total: number; page: number; pageCount: number; pageSize: number };

export function toPage<T>(rows: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
