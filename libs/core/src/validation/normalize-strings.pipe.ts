import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';

/** Keys whose values are secrets: normalised to NFC (so the same typed password matches) but never trimmed. */
const SECRET_KEY = /password|token|code$/i;

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A UTF-16 surrogate without its pair: not text, and nothing downstream can store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Trims and NFC-normalises every string of an input, however deeply nested. A string with a lone
 * surrogate is refused as BAD_USER_INPUT naming its field (`wellFormedText`), before any rule or
 * store sees it.
 */
export function normalizeStrings(value: unknown, key = '', path = ''): unknown {
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value))
      throw new DomainException(ErrorCode.BAD_USER_INPUT, {}, [
        { field: path || key, constraint: 'wellFormedText' },
      ]);
    const nfc = value.normalize('NFC');
    return SECRET_KEY.test(key) ? nfc : nfc.trim();
  }
  if (Array.isArray(value))
    return value.map((item, i) => normalizeStrings(item, key, `${path}.${i}`));
  if (value && typeof value === 'object' && isPlain(value)) {
    for (const [k, v] of Object.entries(value))
      (value as Record<string, unknown>)[k] = normalizeStrings(v, k, path ? `${path}.${k}` : k);
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
