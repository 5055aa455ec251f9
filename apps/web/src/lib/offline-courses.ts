/** Which courses the reader saved for offline reading (ids only; the content is in Graphcache). */
const KEY = 'sasiad.offlineCourses';

export function savedCourses(): string[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function markSaved(courseId: string): void {
  const all = new Set(savedCourses());
  all.add(courseId);
  try {
    localStorage.setItem(KEY, JSON.stringify([...all]));
  } catch {
    /* private mode */
  }
}

/** Size of what a download will store, from the JSON the API sends (UTF-8 bytes). */
export function bytesOf(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

export function formatBytes(bytes: number, lang: string): string {
  const kb = bytes / 1024;
  return kb < 1024
    ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, kb))} kB`
    : `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(kb / 1024)} MB`;
}
