/**
 * Office documents are ZIP archives: DOCX/XLSX/PPTX (Office Open XML) and ODT/ODS/ODP
 * (OpenDocument). They are told apart by the names of their entries, read from the archive's
 * central directory (no entry is unpacked). Macro-enabled documents (an entry `vbaProject.bin`,
 * or an OpenDocument `Basic/` folder) and archives that are anything else are refused.
 */

export type OfficeMimeType =
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation'
  | 'application/vnd.oasis.opendocument.text'
  | 'application/vnd.oasis.opendocument.spreadsheet'
  | 'application/vnd.oasis.opendocument.presentation';

const OOXML: [string, OfficeMimeType][] = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
];

const ODF = new Set<string>([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

const MAX_ENTRIES = 10_000;

/** The names of a ZIP archive's entries, from its central directory; null if it is not one. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65 535 bytes.
  const from = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--)
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + skip;
  }
  return names;
}

/** The office format of a ZIP archive, or null. */
export function detectOfficeDocument(bytes: Buffer): OfficeMimeType | null {
  if (bytes.length < 30 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  const names = zipEntryNames(bytes);
  if (!names) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /^Basic\//.test(n))) return null;
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type.
  if (names[0] === 'mimetype' && bytes.toString('latin1', 30, 38) === 'mimetype') {
    const start = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    const type = bytes.toString('latin1', start, start + bytes.readUInt32LE(18));
    return ODF.has(type) && names.includes('content.xml') ? (type as OfficeMimeType) : null;
  }
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML.find(([entry]) => names.includes(entry))?.[1] ?? null;
}
