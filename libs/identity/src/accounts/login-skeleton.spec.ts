import { loginSkeleton } from './login-skeleton';

describe('loginSkeleton (TR39 look-alikes of usernames)', () => {
  it.each([
    ['Latin and Cyrillic o', 'olena', '\u043elena'],
    ['all Cyrillic look-alikes', 'oksana', '\u043ek\u0455\u0430n\u0430'],
    ['Greek omicron and alpha', 'olga', '\u03bflg\u03b1'],
    ['digit zero and letter o', 'olena', '0lena'],
    ['digit one and letter l', 'lesia', '1esia'],
    ['capital O and digit zero', 'Olena', '0LENA'],
    ['full width', 'olena', '\uff4f\uff4c\uff45\uff4e\uff41'],
    ['case', 'Olena', 'olena'],
    ['Cyrillic і and Latin i', 'ivan', '\u0456van'],
    ['composed and decomposed marks', 'zo\u0301fia', 'z\u00f3fia'],
  ])('%s look alike', (_label, a, b) => {
    expect(loginSkeleton(a)).toBe(loginSkeleton(b));
  });

  it.each([
    ['different names', 'olena', 'olena2'],
    ['a mark that shows', 'zofia', 'z\u00f3fia'],
    ['Ukrainian ї and і', '\u0457ra', '\u0456ra'],
    ['Belarusian ў and у', '\u045ekraina', '\u0443kraina'],
  ])('%s stay apart', (_label, a, b) => {
    expect(loginSkeleton(a)).not.toBe(loginSkeleton(b));
  });
});
