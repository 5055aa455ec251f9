import { DomainException, ErrorCode } from '@sasiad/core';

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]{0,30})\s*\}\}/g;

/** The placeholder names a template uses, e.g. `{{office}}` → office; sorted, no repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/**
 * Fills every `{{name}}` of a template. A placeholder without a value is refused rather than
 * sent to an asker as `{{name}}`; values are inserted as they are (no template syntax inside).
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  const missing = placeholdersOf(template).filter((name) => !(name in values));
  if (missing.length > 0)
    throw new DomainException(
      ErrorCode.BAD_USER_INPUT,
      {},
      missing.map((name) => ({ field: `values.${name}`, constraint: 'missingPlaceholder' })),
    );
  return template.replace(PLACEHOLDER, (_, name: string) => values[name]);
}
