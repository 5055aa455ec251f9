import { sampleFiles, zipOf } from '../../../../test/support/files';
import { contentDisposition, detectFileType, FileKind, formatsOf } from './file-kind';

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

describe('office documents', () => {
  it('knows DOCX, XLSX and ODT by the entries of the archive', () => {
    expect(detectFileType(sampleFiles.docx())).toEqual({
      kind: FileKind.DOCUMENT,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(
      detectFileType(
        zipOf([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<workbook/>'],
        ]),
      )?.mimeType,
    ).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(detectFileType(sampleFiles.odt())?.mimeType).toBe(
      'application/vnd.oasis.opendocument.text',
    );
  });

  it('refuses other archives, macro-enabled documents and broken ones', () => {
    expect(detectFileType(zipOf([['evil.exe', 'MZ']]))).toBeNull();
    expect(
      detectFileType(
        zipOf([
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w:document/>'],
          ['word/vbaProject.bin', 'macro'],
        ]),
      ),
    ).toBeNull();
    expect(
      detectFileType(
        zipOf([
          ['mimetype', 'application/x-shockwave-flash'],
          ['content.xml', '<x/>'],
        ]),
      ),
    ).toBeNull();
    expect(detectFileType(sampleFiles.docx().subarray(0, 60))).toBeNull();
  });

  it('names the allowed formats for messages', () => {
    expect(formatsOf([FileKind.IMAGE, FileKind.PDF])).toBe('JPEG, PNG, WebP, PDF');
    expect(formatsOf([FileKind.DOCUMENT])).toBe('DOCX, XLSX, PPTX, ODT, ODS, ODP');
  });
});
