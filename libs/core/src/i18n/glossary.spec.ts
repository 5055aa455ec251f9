import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths';
import { LANGUAGES } from './languages';

type Scope = 'messages' | 'curriculum';
interface Term {
  use: string;
  avoid: string[];
  scope: Scope[];
}
interface Glossary {
  concepts: Record<string, { meaning: string } & Record<string, Term | string>>;
}

const root = repoRoot();
const glossary = JSON.parse(readFileSync(join(root, 'i18n', 'glossary.json'), 'utf8')) as Glossary;

/** Every string of a JSON value, with its path. */
function strings(value: unknown, path: string, out: { path: string; text: string }[] = []) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

/** The texts a reader of `lang` sees: the language's message files and its curriculum texts. */
function texts(lang: string, scope: Scope): { path: string; text: string }[] {
  if (scope === 'messages') {
    const dir = join(root, 'i18n', lang);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8')), `i18n/${lang}/${f}`));
  }
  const dir = join(root, 'libs', 'academy', 'curriculum');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => strings(JSON.parse(readFileSync(join(dir, f), 'utf8')), f))
    .filter((s) => s.path.endsWith(`.${lang}`));
}

describe('the glossary (i18n/glossary.json)', () => {
  it('names a term in every language for every concept', () => {
    for (const [name, concept] of Object.entries(glossary.concepts))
      for (const lang of LANGUAGES) {
        const term = concept[lang] as Term | undefined;
        expect({ name, lang, use: term?.use?.length ?? 0 }).toEqual({
          name,
          lang,
          use: expect.any(Number),
        });
        expect(term!.use.length).toBeGreaterThan(0);
      }
  });

  it('is kept: no message or curriculum text uses a word the glossary rules out', () => {
    const found: string[] = [];
    for (const [name, concept] of Object.entries(glossary.concepts))
      for (const lang of LANGUAGES) {
        const term = concept[lang] as Term;
        for (const scope of term.scope)
          for (const { path, text } of texts(lang, scope))
            for (const avoid of term.avoid) {
              const match = new RegExp(`(^|[^\\p{L}])(${avoid})`, 'iu').exec(text);
              if (match) found.push(`${path}: "${match[2]}" for ${name}, use "${term.use}"`);
            }
      }
    expect(found).toEqual([]);
  });

  it('catches a word it rules out (the check is not vacuous)', () => {
    const avoid = (glossary.concepts.call.ru as Term).avoid[0];
    expect(new RegExp(`(^|[^\\p{L}])(${avoid})`, 'iu').test('Срок набора продлён')).toBe(true);
    expect(new RegExp(`(^|[^\\p{L}])(${avoid})`, 'iu').test('Срок конкурса продлён')).toBe(false);
  });
});
