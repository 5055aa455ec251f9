import { Global, Module } from '@nestjs/common';
import { FieldEncryption } from './field-encryption.service';

@Global()
@Module({ providers: [FieldEncryption], exports: [FieldEncryption] })
export class CryptoModule {}
