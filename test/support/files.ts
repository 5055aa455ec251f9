import { ok } from './graphql';
import type { TestApp } from './test-app';

/** The JSON answer of a successful upload (and the fields of the StoredFile GraphQL type). */
export interface UploadedFile {
  id: string;
  kind: 'IMAGE' | 'PDF';
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
