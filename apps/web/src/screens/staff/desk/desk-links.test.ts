import { describe, expect, it } from 'vitest';
import { fragmentValues, groupCode, questionLink, setupLink } from './desk-links';

describe('desk links', () => {
  it('puts the code in the fragment, never in the path or query', () => {
    const link = questionLink('https://sasiad.example', 'ab-C_d');
    expect(link).toBe('https://sasiad.example/ask/open#code=ab-C_d');
    expect(fragmentValues(new URL(link).hash)).toEqual({ code: 'ab-C_d' });
  });

  it('carries a login with any letters and the setup code', () => {
    const link = setupLink('https://sasiad.example', 'алеся_z&min', '1234-5678-9012');
    const url = new URL(link);
    expect(url.pathname).toBe('/account/code');
    expect(url.search).toBe('');
    expect(fragmentValues(url.hash)).toEqual({ login: 'алеся_z&min', code: '1234-5678-9012' });
  });

  it('groups a code by four', () => {
    expect(groupCode('abcdefghij')).toBe('abcd efgh ij');
    expect(groupCode('abcd efgh ij'.replace(/\s+/g, ''))).toBe('abcd efgh ij');
  });
});
