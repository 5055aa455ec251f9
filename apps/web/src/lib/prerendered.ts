import type { Language } from './language';

/** A course card as the server rendered it (apps/api/src/web-app/prerender-catalogue.ts). */
export interface CatalogueCard {
  id: string;
  level: string;
  durationMinutes: number;
  title: { text: string; language: string; isFallback: boolean };
  summary: { text: string };
}

export interface CatalogueData {
  totalCount: number;
  nodes: readonly CatalogueCard[];
}

interface Prerendered {
  lang: Language;
  search: string | null;
  topic: string | null;
  level: string | null;
  availableIn: string | null;
  courses: CatalogueData;
}

let prerendered: Prerendered | null = null;

/**
 * Takes what the server rendered into the first page, before the app replaces it: the data
 * (so the catalogue shows at once, without a loading state) and what the reader may already
 * have typed into the server's search field (kept in the address, where the catalogue reads it).
 */
export function adoptPrerendered(doc: Document, location: Location, history: History): void {
  const script = doc.getElementById('prerendered-catalogue');
  if (!script) return;
  try {
    prerendered = JSON.parse(script.textContent ?? '') as Prerendered;
  } catch {
    prerendered = null;
  }
  const typed = (doc.getElementById('course-search') as HTMLInputElement | null)?.value.trim();
  const url = new URL(location.href);
  if (typed && typed !== (url.searchParams.get('q') ?? '')) {
    url.searchParams.set('q', typed);
    history.replaceState(history.state, '', url);
  }
}

/** The server's catalogue, if it answers exactly these filters in this language. */
export function prerenderedCatalogue(
  lang: Language,
  filters: {
    search: string | null;
    topic: string | null;
    level: string | null;
    availableIn: string | null;
  },
): CatalogueData | null {
  const p = prerendered;
  if (
    !p ||
    p.lang !== lang ||
    p.search !== filters.search ||
    p.topic !== filters.topic ||
    p.level !== filters.level ||
    p.availableIn !== filters.availableIn
  )
    return null;
  return p.courses;
}

let pending: { server: HTMLElement; app: HTMLElement } | null = null;

/**
 * Where the app draws itself: while the server's page is shown, into a container off the page,
 * swapped in by `firstScreenReady` once the first screen has its content (so the reader never
 * sees a loading state or an empty page in between); otherwise straight into #root.
 */
export function appContainer(doc: Document, catalogueFirst: boolean): HTMLElement {
  const server = doc.getElementById('root')!;
  if (!catalogueFirst || !doc.getElementById('prerendered-catalogue') || !server.firstChild)
    return server;
  const app = doc.createElement('div');
  pending = { server, app };
  return app;
}

/** Called by the first screen once it shows its content: the app replaces the server's page. */
export function firstScreenReady(): void {
  if (!pending) return;
  const { server, app } = pending;
  pending = null;
  const serverInput = server.querySelector<HTMLInputElement>('#course-search');
  const typed = serverInput?.value.trim() ?? '';
  const hadFocus = !!serverInput && server.ownerDocument.activeElement === serverInput;
  server.replaceWith(app);
  app.id = 'root';
  const url = new URL(location.href);
  if (typed !== (url.searchParams.get('q') ?? '')) {
    // typed into the server's page while the app was starting: the catalogue follows the address
    if (typed) url.searchParams.set('q', typed);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  }
  if (hadFocus) app.querySelector<HTMLInputElement>('#course-search')?.focus();
}
