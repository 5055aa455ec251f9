import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Types } from 'mongoose';
import type { LocalizedField } from '@sasiad/core';

/**
 * A completion certificate. The verification code is a 128-bit random secret: found through its
 * hash, kept encrypted so its owner can see it again. The name is the one the learner chose to
 * show (personal data, encrypted). The course title is a snapshot taken at issue.
 */
@Schema({ collection: 'academy_certificates', timestamps: true })
export class Certificate {
  @Prop({ type: Types.ObjectId, required: true })
  courseId: Types.ObjectId;

  @Prop({ type: Types.ObjectId, required: true })
  userId: Types.ObjectId;

  @Prop({ type: String, required: true, unique: true })
  codeHash: string;

  @Prop({ type: String, required: true })
  codeEnc: string;

  @Prop({ type: String, required: true })
  displayNameEnc: string;

  @Prop({ type: Object, required: true })
  courseTitle: LocalizedField;

  @Prop({ type: String, required: true })
  baseLanguage: string;

  /** The holder's language when claiming: the PDF is in it and in Polish. Absent on older ones. */
  @Prop({ type: String })
  language?: string;

  @Prop({ type: Date, required: true })
  issuedAt: Date;

  @Prop({ type: Date })
  revokedAt?: Date | null;

  @Prop({ type: Types.ObjectId })
  revokedBy?: Types.ObjectId | null;

  /** Why staff revoked it (may mention the person: encrypted). Absent on older revocations. */
  @Prop({ type: String })
  revocationReasonEnc?: string | null;
}

export type LeanCertificate = Certificate & { _id: Types.ObjectId };
export const CertificateSchema = SchemaFactory.createForClass(Certificate);
CertificateSchema.index({ courseId: 1, userId: 1 }, { unique: true });
CertificateSchema.index({ userId: 1 });
CertificateSchema.index({ issuedAt: 1 });
