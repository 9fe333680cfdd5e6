/**
 * bench/results.json: every metric the bench measures, in one file (issue 18). The bench runs
 * in sections (`BENCH_ONLY=app,soak` runs two of them, no BENCH_ONLY runs all), and a run
 * replaces only its own sections' rows: a quick run of one section keeps the others' figures,
 * and each section says when, and with what parameters, its figures were taken.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { z } from 'zod';
import type { Summary } from './stats';

export const SECTIONS = ['core', 'app', 'headset', 'chat', 'storage', 'soak'] as const;
export type SectionName = (typeof SECTIONS)[number];

export type Row = Summary | number | string;

const summarySchema = z.object({ n: z.number(), median: z.number(), p95: z.number() });
const rowSchema = z.union([summarySchema, z.number(), z.string()]);
const sectionSchema = z.object({
  date: z.string(),
  machine: z.object({ cpus: z.number(), cpu: z.string(), node: z.string() }),
  parameters: z.record(z.string(), z.number()),
  rows: z.array(z.string()),
});
const fileSchema = z.object({
  sections: z.record(z.string(), sectionSchema),
  results: z.record(z.string(), rowSchema),
});
export type ResultsFile = z.infer<typeof fileSchema>;

/**
 * The sections a run measures: `BENCH_ONLY` lists them (comma-separated), or all of them. A name
 * that is not a section stops the run before it starts, rather than measuring nothing.
 */
export function sectionsToRun(only: string | undefined): SectionName[] {
  if (only === undefined || only.trim() === '') return [...SECTIONS];
  return only.split(',').map((name) => {
    const section = SECTIONS.find((known) => known === name.trim());
    if (!section) throw new Error(`BENCH_ONLY: "${name}" is not one of ${SECTIONS.join(', ')}`);
    return section;
  });
}

/** The file as it is, or empty when absent or written by an older bench. */
export function readResults(path: string): ResultsFile {
  if (!existsSync(path)) return { sections: {}, results: {} };
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : { sections: {}, results: {} };
}

/** The file with one section's rows replaced by this run's. */
export function withSection(
  file: ResultsFile,
  name: SectionName,
  parameters: Record<string, number>,
  rows: Record<string, Row>,
  date = new Date(),
): ResultsFile {
  const results = { ...file.results };
  for (const old of file.sections[name]?.rows ?? []) delete results[old];
  Object.assign(results, rows);
  return {
    sections: {
      ...file.sections,
      [name]: {
        date: date.toISOString(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
        parameters,
        rows: Object.keys(rows),
      },
    },
    results,
  };
}

export function writeResults(path: string, file: ResultsFile): void {
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
