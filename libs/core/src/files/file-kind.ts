import { registerEnumType } from '@nestjs/graphql';
import { detectOfficeDocument, OfficeMimeType } from './office-documents';

/** What a file is, decided from its content (magic bytes), never from its name or Content-Type. */
export enum FileKind {
  /** JPEG, PNG or WebP; re-encoded without metadata on upload. */
  IMAGE = 'IMAGE',
  PDF = 'PDF',
  /** DOCX, XLSX, PPTX, ODT, ODS or ODP without macros. */
  DOCUMENT = 'DOCUMENT',
}

registerEnumType(FileKind, {
  name: 'FileKind',
  description: 'What a stored file is, decided from its content.',
});

export interface DetectedType {
  kind: FileKind;
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' | OfficeMimeType;
}

const startsWith = (bytes: Buffer, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The type of a file by its first bytes, or null for anything else (HTML, scripts, archives,
 * executables, SVG...). A PDF or HTML page named `photo.jpg` is not an image here.
 */
export function detectFileType(bytes: Buffer): DetectedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { kind: FileKind.IMAGE, mimeType: 'image/jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: FileKind.IMAGE, mimeType: 'image/png' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { kind: FileKind.IMAGE, mimeType: 'image/webp' };
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: FileKind.PDF, mimeType: 'application/pdf' };
  const office = detectOfficeDocument(bytes);
  return office ? { kind: FileKind.DOCUMENT, mimeType: office } : null;
}

/** The formats of some kinds, for messages, e.g. "JPEG, PNG, WebP, PDF". */
export function formatsOf(kinds: FileKind[]): string {
  const names: Record<FileKind, string> = {
    [FileKind.IMAGE]: 'JPEG, PNG, WebP',
    [FileKind.PDF]: 'PDF',
    [FileKind.DOCUMENT]: 'DOCX, XLSX, PPTX, ODT, ODS, ODP',
  };
  return kinds.map((k) => names[k]).join(', ');
}

/**
 * `Content-Disposition` for a user's file name: an ASCII fallback (anything else becomes `_`)
 * and the exact name as RFC 5987 `filename*`, so no quote, semicolon or line break can break
 * out of the header.
 */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment') {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\;%]/g, '_').slice(0, 100) || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
