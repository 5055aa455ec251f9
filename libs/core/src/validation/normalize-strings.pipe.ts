import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';

/** Keys whose values are secrets: normalised to NFC (so the same typed password matches) but never trimmed. */
const SECRET_KEY = /password|token|code$/i;

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Trims and NFC-normalises every string of an input, however deeply nested. */
export function normalizeStrings(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    const nfc = value.normalize('NFC');
    return SECRET_KEY.test(key) ? nfc : nfc.trim();
  }
  if (Array.isArray(value)) return value.map((item) => normalizeStrings(item, key));
  if (value && typeof value === 'object' && isPlain(value)) {
    for (const [k, v] of Object.entries(value))
      (value as Record<string, unknown>)[k] = normalizeStrings(v, k);
  }
  return value;
}

@Injectable()
export class NormalizeStringsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata) {
    // Custom parameter decorators hand over server objects (the request context), not input.
    if (metadata.type === 'custom') return value;
    return normalizeStrings(value, metadata.data ?? '');
  }
}
