/**
 * Hands a CSV text to the browser as a file download. The byte-order mark lets spreadsheet
 * programs read UTF-8 (names in Cyrillic and Polish letters) without an import dialog.
 */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
