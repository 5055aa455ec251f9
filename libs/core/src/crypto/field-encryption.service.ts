import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { AppConfig } from '../config/app-config';

const VERSION = 'v1';

/**
 * Encryption at rest for personal data: AES-256-GCM (authenticated), a fresh 96-bit IV per value,
 * and the key id stored with the value so keys can be rotated (new writes use the first key,
 * reads accept every configured key). A database dump alone reveals nobody's words.
 *
 * Stored form: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
@Injectable()
export class FieldEncryption {
  constructor(private readonly config: AppConfig) {}

  encrypt(plaintext: string, context = ''): string {
    const { currentKeyId, encryptionKeys } = this.config.secrets;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encryptionKeys.get(currentKeyId)!, iv);
    // The context (e.g. collection.field) is authenticated, so a value cannot be moved to another field.
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      currentKeyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string, context = ''): string {
    const [version, keyId, iv, tag, body] = stored.split('.');
    const key = this.config.secrets.encryptionKeys.get(keyId);
    if (version !== VERSION || !key || body === undefined)
      throw new Error(`cannot decrypt a value sealed with key "${keyId}"`);
    const authTag = Buffer.from(tag, 'base64url');
    // A shortened tag would weaken the authentication: only full 128-bit tags are accepted.
    if (authTag.length !== 16) throw new Error('invalid authentication tag');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(authTag);
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** The key id a stored value was sealed with (to find values that need re-encryption). */
  keyIdOf(stored: string): string {
    return stored.split('.')[1];
  }

  /** A keyed hash for equality look-ups of an encrypted value (blind index). */
  blindIndex(value: string, purpose: string): string {
    return createHmac('sha256', this.config.secrets.blindIndexKey)
      .update(`${purpose}\u0000${value}`)
      .digest('base64url');
  }
}
