import { contentDisposition, detectFileType, FileKind } from './file-kind';

describe('detectFileType', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({
      kind: FileKind.IMAGE,
      mimeType: 'image/jpeg',
    });
    expect(
      detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mimeType,
    ).toBe('image/png');
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))?.mimeType).toBe(
      'image/webp',
    );
    expect(detectFileType(Buffer.from('%PDF-1.7\n'))).toEqual({
      kind: FileKind.PDF,
      mimeType: 'application/pdf',
    });
  });

  it('refuses anything else, whatever it is called', () => {
    expect(detectFileType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull();
    expect(detectFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectFileType(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});

describe('contentDisposition', () => {
  it('keeps the exact name in filename* and a harmless ASCII fallback', () => {
    expect(contentDisposition('Звіт "фінал";\r\n.pdf', 'attachment')).toBe(
      `attachment; filename="____ __________.pdf"; filename*=UTF-8''%D0%97%D0%B2%D1%96%D1%82%20%22%D1%84%D1%96%D0%BD%D0%B0%D0%BB%22%3B%0D%0A.pdf`,
    );
    expect(contentDisposition("it's (1).jpg", 'inline')).toBe(
      `inline; filename="it's (1).jpg"; filename*=UTF-8''it%27s%20%281%29.jpg`,
    );
  });
});
