import { dirname, join } from 'node:path';
import QRCode from 'qrcode';
import { Language, toWarsaw } from '@sasiad/core';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package: PDFKit's built-in fonts have no Cyrillic
 * (nor ł, ą, ę in every viewer). Embedded as a subset of the glyphs used.
 */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = join(FONT_DIR, 'DejaVuSans-Bold.ttf');

/** One language's side of the certificate, already translated and filled in. */
export interface CertificateSide {
  lang: Language;
  academy: string;
  title: string;
  nameLabel: string;
  name: string;
  courseLabel: string;
  course: string;
  completed: string;
  issued: string;
  code: string;
  verify: string;
}

/** A date as people in Poland write it (Warsaw calendar day): 04.12.2026. */
export function certificateDate(instant: Date): string {
  const w = toWarsaw(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(w.day)}.${two(w.month)}.${w.year}`;
}

/**
 * The certificate as an A4 PDF: the holder's language first, then Polish (one side when the
 * holder reads Polish), and a QR code of the verification address on each side.
 */
export async function renderCertificatePdf(
  sides: CertificateSide[],
  verifyUrl: string,
): Promise<Buffer> {
  // loaded at the first certificate, not at start (~14 MB with its fonts)
  const { default: PDFDocument } = await import('pdfkit');
  const qr = await QRCode.toBuffer(verifyUrl, { errorCorrectionLevel: 'M', margin: 2, scale: 4 });
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: sides.map((s) => s.title).join(' / '), Creator: 'Sąsiad' },
    lang: sides[0].lang,
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const width = doc.page.width - 112;
  sides.forEach((side, index) => {
    if (index > 0) doc.addPage();
    doc.font('regular').fontSize(12).fillColor('#555555').text(side.academy, { align: 'center' });
    doc.moveDown(1.5);
    doc.font('bold').fontSize(24).fillColor('#000000').text(side.title, { align: 'center' });
    doc.moveDown(2);
    const field = (label: string, value: string, size: number) => {
      doc.font('regular').fontSize(11).fillColor('#555555').text(label, { align: 'center' });
      doc.font('bold').fontSize(size).fillColor('#000000').text(value, { align: 'center' });
      doc.moveDown(1.2);
    };
    field(side.nameLabel, side.name, 20);
    field(side.courseLabel, side.course, 16);
    doc.font('regular').fontSize(12).text(side.completed, { align: 'center' });
    doc.moveDown(0.5);
    doc.text(side.issued, { align: 'center' });
    doc.moveDown(2);
    const size = 132;
    doc.image(qr, 56 + (width - size) / 2, doc.y, { width: size, height: size });
    doc.y += size + 12;
    doc.font('regular').fontSize(10).fillColor('#333333');
    doc.text(side.verify, 56, doc.y, { align: 'center', width });
    doc.text(verifyUrl, { align: 'center', width });
    doc.moveDown(0.5);
    doc.text(side.code, { align: 'center', width });
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
