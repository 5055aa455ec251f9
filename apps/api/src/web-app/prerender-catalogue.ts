import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { Language, resolveRequestLanguage } from '@sasiad/core';

/**
 * The Academy catalogue, rendered by the server into the app's `index.html` on a first visit
 * (no service worker yet). On a slow network every round trip costs seconds (Slow 3G: 2 s each);
 * without this a phone needs HTML → JavaScript → texts → data before it shows a course. With it
 * the first answer already holds the course list, a search form that works without JavaScript
 * (GET /academy?q=…) and the stylesheet inline (allowed by its hash in the page's CSP). The app
 * then starts and draws the same list from the data embedded beside it
 * (`#prerendered-catalogue`), so nothing blinks and what the reader typed is kept.
 */

/** The fields the app's catalogue shows (a subset of its `Courses` query). */
const QUERY = `query PrerenderedCatalogue($search: String, $topic: String, $level: String, $availableIn: Language) {
  courses(search: $search, topic: $topic, level: $level, availableIn: $availableIn, first: 20) {
    totalCount
    nodes { id level durationMinutes title { text language isFallback } summary { text } }
  }
}`;

/** Also set by the app (lib/language.ts) when the reader chooses a language. */
export const LANGUAGE_COOKIE = 'sasiad_lang';

interface Course {
  id: string;
  level: string;
  durationMinutes: number;
  title: { text: string; language: string; isFallback: boolean };
  summary: { text: string };
}

export interface PrerenderedCatalogue {
  lang: Language;
  search: string | null;
  topic: string | null;
  level: string | null;
  availableIn: string | null;
  courses: { totalCount: number; nodes: Course[] };
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** As the app's card (Catalogue.tsx): Markdown marks removed, the first 220 characters. */
export function plainSummary(markdown: string, max = 220): string {
  const plain = markdown
    .replace(/[*_#>`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max).replace(/\s+\S*$/, '')}…` : plain;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

const param = (value: unknown, max = 200) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

/** The built index.html with its stylesheet inlined, and the hash the CSP must allow. */
interface Shell {
  html: string;
  styleHash: string;
  mtimeMs: number;
}

let shell: Shell | null = null;

function loadShell(indexFile: string, base: string): Shell | null {
  const mtimeMs = statSync(indexFile).mtimeMs;
  if (shell?.mtimeMs === mtimeMs) return shell;
  const index = readFileSync(indexFile, 'utf8');
  const link = /<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/.exec(index);
  if (!link) return null;
  const css = readFileSync(join(base, link[1]), 'utf8');
  shell = {
    html: index.replace(link[0], `<style>${css}</style>`),
    styleHash: createHash('sha256').update(css).digest('base64'),
    mtimeMs,
  };
  return shell;
}

/** The app's strict policy, with this one inline stylesheet allowed by its hash. */
export const cspWithStyle = (csp: string, hash: string) =>
  csp.replace("style-src 'self'", `style-src 'self' 'sha256-${hash}'`);

export async function prerenderCatalogue(options: {
  fastify: FastifyInstance;
  request: FastifyRequest;
  t: (lang: Language) => TFunction;
  indexFile: string;
  base: string;
}): Promise<{ html: string; styleHash: string; lang: Language } | null> {
  const { fastify, request, indexFile, base } = options;
  const page = loadShell(indexFile, base);
  if (!page) return null;
  const lang = resolveRequestLanguage({
    explicit: cookie(request.headers.cookie, LANGUAGE_COOKIE),
    acceptLanguage: request.headers['accept-language'],
  });
  const query = request.query as Record<string, unknown>;
  const variables = {
    search: param(query.q),
    topic: param(query.topic, 40),
    level: param(query.level, 40),
    availableIn: (['pl', 'uk', 'be', 'ru'] as const).find((l) => l === query.in) ?? null,
  };
  // The same query as any client's, through the whole GraphQL pipeline (access, limits).
  const res = await fastify.inject({
    method: 'POST',
    url: `/graphql?lang=${lang}`,
    headers: { 'content-type': 'application/json', 'x-request-id': String(request.id) },
    payload: JSON.stringify({ query: QUERY, variables }),
  });
  const body = res.json<{ data?: { courses: PrerenderedCatalogue['courses'] } }>();
  if (!body.data) return null;
  const data: PrerenderedCatalogue = { lang, ...variables, courses: body.data.courses };
  const t = options.t(lang);
  const w = (key: string, params?: Record<string, unknown>) =>
    escapeHtml(String(t(`web:${key}`, params)));
  const cards = data.courses.nodes
    .map(
      (c) =>
        `<li class="card"><h2><a href="/academy/${escapeHtml(c.id)}">${escapeHtml(c.title.text)}</a></h2>` +
        (c.title.isFallback
          ? `<p class="notice">${w('content.fallback', { language: t(`web:language.in.${c.title.language}`) })}</p>`
          : '') +
        `<p>${escapeHtml(plainSummary(c.summary.text))}</p>` +
        `<p class="meta">${w('academy.minutes', { count: c.durationMinutes })} · ${w(`academy.level.${c.level}`)}</p></li>`,
    )
    .join('');
  const nav = (
    [
      ['/', 'nav.home'],
      ['/academy', 'nav.academy'],
      ['/ask', 'nav.ask'],
      ['/events', 'nav.events'],
      ['/forums', 'nav.forums'],
      ['/account', 'nav.signIn'],
    ] as const
  )
    .map(([href, key]) =>
      href === '/academy'
        ? `<a href="${href}" class="active" aria-current="page">${w(key)}</a>`
        : `<a href="${href}">${w(key)}</a>`,
    )
    .join('');
  const markup =
    `<a class="skip" href="#main">${w('nav.skip')}</a>` +
    `<header class="top"><a href="/" class="brand">Sąsiad</a></header>` +
    `<nav aria-label="${w('nav.label')}" class="main-nav">${nav}</nav>` +
    `<main id="main" tabindex="-1"><h1 tabindex="-1">${w('academy.title')}</h1>` +
    `<form role="search" class="filters" action="/academy" method="get">` +
    `<label for="course-search">${w('academy.searchLabel')}</label>` +
    `<p id="course-search-hint" class="hint">${w('academy.searchHint')}</p>` +
    `<div class="row"><input id="course-search" name="q" type="search" aria-describedby="course-search-hint" value="${escapeHtml(variables.search ?? '')}">` +
    `<button type="submit">${w('common.search')}</button></div></form>` +
    `<p role="status" class="count">${w('academy.count', { count: data.courses.totalCount })}</p>` +
    `<ul class="cards" data-testid="course-list">${cards}</ul></main>`;
  // JSON inside a non-executed script element: `<` escaped so no text can close it
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const html = page.html
    .replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`)
    .replace(
      '<div id="root"></div>',
      `<div id="root">${markup}</div><script type="application/json" id="prerendered-catalogue">${json}</script>`,
    );
  return { html, styleHash: page.styleHash, lang };
}
