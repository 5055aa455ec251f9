import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@sasiad/core';
import { checkPlan, planCourse } from './curriculum.inputs';
import type { CurriculumCourse } from './curriculum.types';
import { CurriculumProblem, duplicateKeys, validateCurriculumCourse } from './curriculum.validator';

/** Where the starter curriculum lives: one `<key>.json` per course. */
export const defaultCurriculumDir = () => join(repoRoot(), 'libs', 'academy', 'curriculum');

export interface LoadedCurriculum {
  courses: { file: string; course: CurriculumCourse }[];
  /** Empty when every file is valid; then, and only then, the courses may be written. */
  problems: CurriculumProblem[];
}

/** The `*.json` files of a directory, sorted (the order courses are seeded and reported in). */
export function curriculumFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/**
 * Reads and checks every `*.json` file of a directory: the file format, then the authoring
 * inputs each file turns into. Nothing is written; a caller writes only when `problems` is empty.
 */
export function loadCurriculum(dir: string, today = new Date()): LoadedCurriculum {
  const problems: CurriculumProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return { courses: [], problems: [{ file: dir, path: '', message: 'no such directory' }] };
  const files = curriculumFiles(dir);
  if (files.length === 0)
    return { courses: [], problems: [{ file: dir, path: '', message: 'no *.json files' }] };
  const courses: LoadedCurriculum['courses'] = [];
  for (const file of files) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({ file, path: '', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const own = validateCurriculumCourse(value, file, today);
    problems.push(...own);
    if (own.length > 0) continue;
    const course = value as CurriculumCourse;
    // The shape is right; now the same rules as for staff authoring (lengths, tags, URLs).
    const inputProblems = checkPlan(planCourse(course), file);
    problems.push(...inputProblems);
    if (inputProblems.length === 0) courses.push({ file, course });
  }
  problems.push(...duplicateKeys(courses));
  return { courses, problems };
}
