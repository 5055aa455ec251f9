import { Injectable } from '@nestjs/common';
import { USER_ERASED } from '@sasiad/identity';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { createHash, randomBytes } from 'node:crypto';
import {
  AuthUser,
  Clock,
  Connection,
  DomainException,
  ErrorCode,
  FieldEncryption,
  I18nService,
  isDuplicateKey,
  Language,
  LANGUAGES,
  objectId,
  OnDomainEvent,
  pageById,
  PageArgs,
  withoutBaseHistory,
} from '@sasiad/core';
import { Certificate, LeanCertificate } from './certificate.schema';
import { CourseState } from '../courses/course.schema';
import { CourseStore } from '../courses/course.store';
import { ClaimCertificateInput } from './dto/certificate.inputs';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { resolveLocalized } from '@sasiad/core';
import { CertificateModel, CertificateVerification } from './models/certificate.model';
import { certificateDate, CertificateSide, renderCertificatePdf } from './certificate-pdf';

const CODE_CONTEXT = 'academy_certificates.code';
const NAME_CONTEXT = 'academy_certificates.displayName';
const REASON_CONTEXT = 'academy_certificates.revocationReason';
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** Where a certificate's PDF is served (CertificatesController); the code stays out of the path. */
export const CERTIFICATE_PDF_PATH = '/certificates/certificate.pdf';
export const certificatePdfPath = (code: string) =>
  `${CERTIFICATE_PDF_PATH}?code=${encodeURIComponent(code)}`;

/**
 * Completion certificates: claimed by a learner who finished every lesson and passed every
 * module quiz; verifiable by anyone holding the 128-bit code (name, course title, date only);
 * revocable by staff.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    private readonly courses: CourseStore,
    private readonly clock: Clock,
    private readonly enrolments: EnrolmentsService,
    private readonly crypto: FieldEncryption,
    private readonly i18n: I18nService,
  ) {}

  /** Idempotent: a learner who claims again gets the certificate already issued. */
  async claim(
    input: ClaimCertificateInput,
    user: AuthUser,
    lang: Language,
  ): Promise<CertificateModel> {
    const course = await this.courses.findCourse(input.courseId);
    if (course.state !== CourseState.PUBLISHED && course.state !== CourseState.ARCHIVED)
      throw new DomainException(ErrorCode.NOT_FOUND);
    const existing = await this.findOwn(course._id, user);
    if (existing) return this.toModel(existing, lang, true);
    const progress = await this.enrolments.progressIn(course._id, user);
    if (!progress.complete)
      // what is left, as progress says it: lessons not done, modules whose quiz is not passed
      throw new DomainException(ErrorCode.COURSE_NOT_COMPLETED, {}, [
        ...progress.missing.lessonIds.map((id) => ({
          field: `lessons.${id}`,
          constraint: 'notCompleted',
        })),
        ...progress.missing.quizModuleIds.map((id) => ({
          field: `quizzes.${id}`,
          constraint: 'notPassed',
        })),
      ]);
    const code = randomBytes(16).toString('base64url');
    try {
      const created = await this.certificates.create({
        courseId: course._id,
        userId: objectId(user.id),
        codeHash: hashCode(code),
        codeEnc: this.crypto.encrypt(code, CODE_CONTEXT),
        displayNameEnc: this.crypto.encrypt(input.displayName, NAME_CONTEXT),
        // today's title only: the old base texts kept for translators are not part of it
        courseTitle: withoutBaseHistory(course.title),
        baseLanguage: course.baseLanguage,
        language: lang,
        issuedAt: this.clock.now(),
        revokedAt: null,
      });
      return this.toModel(created.toObject() as LeanCertificate, lang, true);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.findOwn(course._id, user);
      if (!raced) throw error;
      return this.toModel(raced, lang, true);
    }
  }

  /** Public: only the name, the course title and the date, or that it was revoked. */
  async verify(code: string, lang: Language): Promise<CertificateVerification> {
    const found = await this.certificates
      .findOne({ codeHash: hashCode(code) })
      .lean<LeanCertificate>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    if (found.revokedAt)
      return {
        valid: false,
        displayName: null,
        courseTitle: null,
        issuedAt: null,
        revokedAt: found.revokedAt,
      };
    return {
      valid: true,
      displayName: this.crypto.decrypt(found.displayNameEnc, NAME_CONTEXT),
      courseTitle: this.title(found, lang),
      issuedAt: found.issuedAt,
      revokedAt: null,
    };
  }

  /** The signed-in holder's certificates, newest first, each with its code and PDF link. */
  async mine(
    user: AuthUser,
    args: PageArgs,
    lang: Language,
  ): Promise<Connection<CertificateModel>> {
    return pageById<Certificate, LeanCertificate, CertificateModel>(
      this.certificates,
      { userId: objectId(user.id) },
      args,
      { order: 'newest', toNode: (c) => this.toModel(c, lang, true) },
    );
  }

  /**
   * The certificate as a PDF, for whoever holds its verification code (as `verifyCertificate`):
   * it shows what verification shows (name, course title, date) plus the code and its QR code.
   * In the holder's language (or `lang`) and Polish. A revoked certificate is not served.
   */
  async pdf(
    code: string,
    lang: Language | undefined,
    verifyUrl: string,
  ): Promise<{ pdf: Buffer; languages: Language[] }> {
    const found = await this.certificates
      .findOne({ codeHash: hashCode(code) })
      .lean<LeanCertificate>()
      .exec();
    if (!found) throw new DomainException(ErrorCode.NOT_FOUND);
    if (found.revokedAt) throw new DomainException(ErrorCode.CERTIFICATE_REVOKED);
    const stored = LANGUAGES.find((l) => l === found.language);
    const holder: Language = lang ?? stored ?? 'pl';
    const name = this.crypto.decrypt(found.displayNameEnc, NAME_CONTEXT);
    const side = (l: Language): CertificateSide => {
      const t = this.i18n.t(l);
      return {
        lang: l,
        academy: t('academy:certificate.academy'),
        title: t('academy:certificate.title'),
        nameLabel: t('academy:certificate.nameLabel'),
        name,
        courseLabel: t('academy:certificate.courseLabel'),
        course: this.title(found, l).text,
        completed: t('academy:certificate.completed'),
        issued: t('academy:certificate.issued', { date: certificateDate(found.issuedAt) }),
        code: t('academy:certificate.code', { code }),
        verify: t('academy:certificate.verify'),
      };
    };
    const languages: Language[] = holder === 'pl' ? ['pl'] : [holder, 'pl'];
    return { pdf: await renderCertificatePdf(languages.map(side), verifyUrl), languages };
  }

  async revoke(
    certificateId: string,
    reason: string,
    by: AuthUser,
    lang: Language,
  ): Promise<CertificateModel> {
    const revoked = await this.certificates
      .findOneAndUpdate(
        { _id: objectId(certificateId), revokedAt: null },
        {
          $set: {
            revokedAt: this.clock.now(),
            revokedBy: objectId(by.id),
            revocationReasonEnc: this.crypto.encrypt(reason.trim(), REASON_CONTEXT),
          },
        },
        { returnDocument: 'after' },
      )
      .lean<LeanCertificate>()
      .exec();
    if (revoked) return this.toModel(revoked, lang, false);
    const exists = await this.certificates.exists({ _id: objectId(certificateId) });
    throw new DomainException(exists ? ErrorCode.CERTIFICATE_ALREADY_REVOKED : ErrorCode.NOT_FOUND);
  }

  /** For staff: the certificates of a course (without their verification codes). */
  async ofCourse(courseId: string, lang: Language): Promise<CertificateModel[]> {
    const course = await this.courses.findCourse(courseId);
    const rows = await this.certificates
      .find({ courseId: course._id })
      .sort({ issuedAt: 1 })
      .limit(1000)
      .lean<LeanCertificate[]>()
      .exec();
    return rows.map((c) => this.toModel(c, lang, false));
  }

  @OnDomainEvent(USER_ERASED)
  async onUserErased({ userId }: { userId: string }): Promise<void> {
    await this.eraseLearner(userId);
  }

  async eraseLearner(userId: string): Promise<void> {
    if (!Types.ObjectId.isValid(userId)) return;
    await this.certificates.deleteMany({ userId: objectId(userId) }).exec();
  }

  private findOwn(courseId: Types.ObjectId, user: AuthUser) {
    return this.certificates
      .findOne({ courseId, userId: objectId(user.id) })
      .lean<LeanCertificate>()
      .exec();
  }

  private title(c: LeanCertificate, lang: Language) {
    return resolveLocalized(c.courseTitle, lang, {
      base: c.baseLanguage as Language,
      fallbacks: [],
    });
  }

  private toModel(c: LeanCertificate, lang: Language, withCode: boolean): CertificateModel {
    const code = withCode ? this.crypto.decrypt(c.codeEnc, CODE_CONTEXT) : null;
    return {
      id: c._id.toHexString(),
      courseId: c.courseId.toHexString(),
      verificationCode: code,
      pdfPath: code ? certificatePdfPath(code) : null,
      displayName: this.crypto.decrypt(c.displayNameEnc, NAME_CONTEXT),
      courseTitle: this.title(c, lang),
      issuedAt: c.issuedAt,
      revokedAt: c.revokedAt ?? null,
      revocationReason: c.revocationReasonEnc
        ? this.crypto.decrypt(c.revocationReasonEnc, REASON_CONTEXT)
        : null,
      language: LANGUAGES.find((l) => l === c.language) ?? null,
    };
  }
}
