import { ok } from './graphql';
import type { TestApp } from './test-app';

/** The JSON answer of a successful upload (and the fields of the StoredFile GraphQL type). */
export interface UploadedFile {
  id: string;
  kind: 'IMAGE' | 'PDF' | 'DOCUMENT';
  mimeType: string;
  size: number;
  sha256: string;
  fileName: string;
  createdAt: string;
  url: string;
}

export interface FileToUpload {
  ownerKind: string;
  ownerId: string;
  fileName: string;
  bytes: Buffer;
}

/** Step 1: `requestFileUpload`; the upload address (relative) and its expiry. */
export async function requestUpload(
  t: TestApp,
  token: string,
  file: Omit<FileToUpload, 'bytes'>,
): Promise<{ uploadUrl: string; expiresAt: string }> {
  const res = await t.gql<{ requestFileUpload: { uploadUrl: string; expiresAt: string } }>(
    `mutation ($input: RequestFileUploadInput!) {
       requestFileUpload(input: $input) { uploadUrl expiresAt }
     }`,
    { input: { ownerKind: file.ownerKind, ownerId: file.ownerId, fileName: file.fileName } },
    { token },
  );
  return ok(res).requestFileUpload;
}

/** Step 2: POSTs raw bytes to an upload address; the status and the JSON answer. */
export async function sendUpload(
  t: TestApp,
  uploadUrl: string,
  bytes: Buffer,
  lang?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.url}${uploadUrl}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      ...(lang ? { 'accept-language': lang } : {}),
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Uploads a file for an owner the way a client does (both steps) and returns what was stored;
 * throws with the error code when the upload is refused.
 */
export async function uploadFile(
  t: TestApp,
  token: string,
  file: FileToUpload,
): Promise<UploadedFile> {
  const { uploadUrl } = await requestUpload(t, token, file);
  const { status, body } = await sendUpload(t, uploadUrl, file.bytes);
  if (status !== 201) throw new Error(`upload refused (${status}): ${String(body.code)}`);
  return body as unknown as UploadedFile;
}

/** GET /files/:id (with a bearer token, or anonymous): the status, headers and bytes. */
export async function downloadFile(
  t: TestApp,
  id: string,
  token?: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(`${t.url}/files/${id}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A ZIP archive of uncompressed entries (enough for the store's office-document check). */
export function zipOf(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Small valid files of each kind the store accepts, for the contexts' tests. */
export const sampleFiles = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  docx: () =>
    zipOf([
      ['[Content_Types].xml', '<Types/>'],
      ['_rels/.rels', '<Relationships/>'],
      ['word/document.xml', '<w:document/>'],
    ]),
  odt: () =>
    zipOf([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
      ['META-INF/manifest.xml', '<manifest/>'],
    ]),
};
