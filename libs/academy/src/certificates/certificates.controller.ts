import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainException,
  ErrorCode,
  I18nService,
  normalizeLanguage,
  Public,
  resolveRequestLanguage,
} from '@sasiad/core';
import {
  CERTIFICATE_PDF_PATH,
  certificatePdfPath,
  CertificatesService,
} from './certificates.service';

const CODE = /^[A-Za-z0-9_-]{16,64}$/;
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CERTIFICATE_REVOKED]: 410,
};

/**
 * `GET /certificates/certificate.pdf?code=<verification code>[&lang=uk]`: a certificate as a PDF.
 * Public, like `verifyCertificate`: the 128-bit code is the key, and the PDF shows nothing that
 * verification does not (name, course title, date) besides the code itself. So the holder can
 * open, print or send it as a plain link (a browser link carries no bearer token), and its QR
 * code leads whoever checks the paper to this same address, where a revoked certificate is
 * refused (410). The code goes in the query string, which the access log leaves out (it logs the
 * path only), never in the path.
 */
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly i18n: I18nService,
  ) {}

  @Get(CERTIFICATE_PDF_PATH)
  @Public()
  async pdf(
    @Query('code') code: unknown,
    @Query('lang') lang: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const asked = typeof lang === 'string' ? normalizeLanguage(lang) : undefined;
    try {
      if (typeof code !== 'string' || !CODE.test(code))
        throw new DomainException(ErrorCode.NOT_FOUND);
      // the address of this server as the client reached it (X-Forwarded-* only with TRUST_PROXY)
      const verifyUrl = `${request.protocol}://${request.host}${certificatePdfPath(code)}`;
      const { pdf, languages } = await this.certificates.pdf(code, asked, verifyUrl);
      return reply
        .type('application/pdf')
        .header('Content-Language', languages.join(', '))
        .header('Content-Disposition', 'inline; filename="certificate.pdf"')
        .header('Cache-Control', 'no-store')
        .header('Referrer-Policy', 'no-referrer')
        .header('X-Robots-Tag', 'noindex')
        .send(pdf);
    } catch (error) {
      if (!(error instanceof DomainException) || !STATUS[error.code]) throw error;
      const t = this.i18n.t(
        resolveRequestLanguage({
          explicit: asked,
          acceptLanguage: request.headers['accept-language'],
        }),
      );
      return reply
        .status(STATUS[error.code]!)
        .header('Cache-Control', 'no-store')
        .send({ code: error.code, message: t(`errors:${error.code}`) });
    }
  }
}
