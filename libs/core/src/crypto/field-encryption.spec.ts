import { AppConfig } from '../config/app-config';
import { validateEnv } from '../config/env';
import { FieldEncryption } from './field-encryption.service';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const make = (keys: string) =>
  new FieldEncryption(
    new AppConfig(
      validateEnv({
        JWT_SECRET: 'j'.repeat(40),
        BLIND_INDEX_KEY: 'b'.repeat(40),
        DATA_ENCRYPTION_KEYS: keys,
      }),
    ),
  );

describe('field encryption', () => {
  it('round-trips, with a fresh IV each time and the key id stored with the value', () => {
    const enc = make(`a:${key(1)}`);
    const one = enc.encrypt('Питання про карту побиту', 'questions.text');
    const two = enc.encrypt('Питання про карту побиту', 'questions.text');
    expect(one).not.toBe(two);
    expect(one).not.toContain('карту');
    expect(enc.keyIdOf(one)).toBe('a');
    expect(enc.decrypt(one, 'questions.text')).toBe('Питання про карту побиту');
  });

  it('detects tampering and refuses a value moved to another field', () => {
    const enc = make(`a:${key(1)}`);
    const sealed = enc.encrypt('secret', 'users.login');
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => enc.decrypt(parts.join('.'), 'users.login')).toThrow();
    expect(() => enc.decrypt(sealed, 'users.displayName')).toThrow();
    const shortTag = sealed.split('.');
    shortTag[3] = Buffer.from(shortTag[3], 'base64url').subarray(0, 4).toString('base64url');
    expect(() => enc.decrypt(shortTag.join('.'), 'users.login')).toThrow(/tag/);
  });

  it('rotates keys: new values use the first key, old values still open', () => {
    const before = make(`old:${key(1)}`);
    const sealed = before.encrypt('kept', 'x');
    const after = make(`new:${key(2)},old:${key(1)}`);
    expect(after.decrypt(sealed, 'x')).toBe('kept');
    expect(after.keyIdOf(after.encrypt('fresh', 'x'))).toBe('new');
    expect(() => make(`new:${key(2)}`).decrypt(sealed, 'x')).toThrow(/old/);
  });

  it('gives stable blind indexes per purpose, keyed by the secret', () => {
    const enc = make(`a:${key(1)}`);
    expect(enc.blindIndex('olena', 'login')).toBe(enc.blindIndex('olena', 'login'));
    expect(enc.blindIndex('olena', 'login')).not.toBe(enc.blindIndex('olena', 'other'));
  });
});
