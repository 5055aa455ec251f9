import { session } from '../../lib/session';

/** A stored file (`url` relative to the API, read with the bearer token when signed in). */
export async function downloadFile(url: string, fileName: string): Promise<boolean> {
  const token = await session.accessToken();
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
  if (!res.ok) return false;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return true;
}

/** "1.2 MB" / "350 KB" in the reader's number format. */
export function fileSize(bytes: number, lang: string): string {
  const mb = bytes >= 1_000_000;
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
    mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000)),
  );
  return `${n} ${mb ? 'MB' : 'KB'}`;
}
