import type { Client } from 'urql';
import { RequestFileUpload } from '../../graphql/grants';
import { apiFetch } from '../../lib/api-fetch';
import { session } from '../../lib/session';

export type UploadResult = { ok: true } | { ok: false; code: string; message: string };

/**
 * Core's two-step upload: a ticket from `requestFileUpload` (checks who may add files to the
 * owner), then the raw bytes POSTed to it. The server checks the type by content and strips
 * images of EXIF and location; its refusal comes back in the reader's language.
 */
export async function uploadFile(
  client: Client,
  language: string,
  owner: { ownerKind: string; ownerId: string },
  file: File,
): Promise<UploadResult> {
  const ticket = await client
    .mutation(RequestFileUpload, { input: { ...owner, fileName: file.name } })
    .toPromise();
  if (!ticket.data) {
    const e = ticket.error?.graphQLErrors[0];
    return { ok: false, code: String(e?.extensions?.code ?? 'NETWORK'), message: e?.message ?? '' };
  }
  const res = await fetch(
    `${ticket.data.requestFileUpload.uploadUrl}&lang=${encodeURIComponent(language)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    },
  ).catch(() => null);
  if (!res) return { ok: false, code: 'NETWORK', message: '' };
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
  return { ok: false, code: body.code ?? 'INTERNAL', message: body.message ?? '' };
}

/** A private file (bearer token needed) opened through an object URL. */
export async function openFile(url: string, language: string): Promise<void> {
  const res = await apiFetch(session, () => language)(url);
  if (!res.ok) return;
  const blob = await res.blob();
  const objectUrl = URL.createObjectURL(blob);
  window.open(objectUrl, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}
