import { Injectable, Module } from '@nestjs/common';
import { Types } from 'mongoose';
import sharp from 'sharp';
import {
  AuthUser,
  Clock,
  FileKind,
  FileOwner,
  FileOwnerKind,
  FileStore,
  JobScheduler,
  Role,
} from '@sasiad/core';
import { codeOf, startTestApp, TestApp } from '../support/test-app';
import { ok } from '../support/graphql';
import { downloadFile, requestUpload, sampleFiles, sendUpload, uploadFile } from '../support/files';

/**
 * A test-only owner: a person's box (`ownerId` = the person's id), readable only by that
 * person, or a public box (`public-<id>`) that anyone may read.
 */
@FileOwnerKind('test.box')
@Injectable()
class TestBoxFiles implements FileOwner {
  readonly accept = [FileKind.IMAGE, FileKind.PDF, FileKind.DOCUMENT];
  readonly maxBytes = 200_000;

  canWrite(user: AuthUser, ownerId: string): Promise<boolean> {
    return Promise.resolve(ownerId === user.id || ownerId === `public-${user.id}`);
  }

  canRead(user: AuthUser | null, ownerId: string): Promise<boolean> {
    return Promise.resolve(ownerId.startsWith('public-') || ownerId === user?.id);
  }
}

/** A test-only album that takes images only. */
@FileOwnerKind('test.photos')
@Injectable()
class TestPhotoFiles extends TestBoxFiles {
  override readonly accept = [FileKind.IMAGE];
}

@Module({ providers: [TestBoxFiles, TestPhotoFiles] })
class TestBoxModule {}

const PDF = sampleFiles.pdf;

/** A 40×20 JPEG turned by its EXIF orientation (6: 90°), with an artist and a GPS position. */
const jpegWithGps = () =>
  sharp({ create: { width: 40, height: 20, channels: 3, background: '#3a6' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Artist: 'Olena at home' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '53/1 7/1 58/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '23/1 9/1 32/1',
      },
    })
    .toBuffer();

/** Whether an EXIF block (as sharp's metadata() gives it) points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') === 0 ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

describe('the file store', () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<TestApp['userWith']>>;
  let other: Awaited<ReturnType<TestApp['userWith']>>;
  const chunksOf = (id: string) =>
    t.db.collection('files.chunks').countDocuments({ files_id: new Types.ObjectId(id) });

  beforeAll(async () => {
    // A small BODY_LIMIT: uploads have their owner kind's limit, not the JSON requests' one.
    t = await startTestApp({ imports: [TestBoxModule], env: { BODY_LIMIT: '100kb' } });
    owner = await t.userWith([Role.learner]);
    other = await t.userWith([Role.learner]);
  });
  afterAll(() => t.close());

  it('stores a PDF for its owner and gives it back only to who may read the owner', async () => {
    const file = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'Звіт "фінал".pdf',
      bytes: PDF,
    });
    expect(file).toMatchObject({ kind: 'PDF', mimeType: 'application/pdf', size: PDF.length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const mine = await downloadFile(t, file.id, owner.token);
    expect(mine.status).toBe(200);
    expect(mine.bytes.equals(PDF)).toBe(true);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect(mine.headers.get('cache-control')).toMatch(/^private/);
    expect(mine.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Звіт "фінал".pdf')}`,
    );

    // Another person, an anonymous reader and a missing id get the same answer.
    const theirs = await downloadFile(t, file.id, other.token);
    const anonymous = await downloadFile(t, file.id);
    const missing = await downloadFile(t, '65a00000000000000000ffff', owner.token);
    for (const refused of [theirs, anonymous, missing]) {
      expect(refused.status).toBe(404);
      expect(JSON.parse(refused.bytes.toString())).toMatchObject({ code: 'NOT_FOUND' });
    }

    const store = t.app.get(FileStore);
    expect((await store.listFor('test.box', owner.id)).map((f) => f.fileName)).toEqual([
      'Звіт "фінал".pdf',
    ]);
  });

  it('lets anyone read a file whose owner kind says it is public', async () => {
    const file = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: `public-${owner.id}`,
      fileName: 'plakat.pdf',
      bytes: PDF,
    });
    expect((await downloadFile(t, file.id)).status).toBe(200);
  });

  it('takes office documents by their content, and files larger than BODY_LIMIT', async () => {
    const docx = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'sprawozdanie.docx',
      bytes: sampleFiles.docx(),
    });
    expect(docx).toMatchObject({
      kind: 'DOCUMENT',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const odt = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'протокол.odt',
      bytes: sampleFiles.odt(),
    });
    expect(odt.mimeType).toBe('application/vnd.oasis.opendocument.text');
    const large = Buffer.concat([PDF, Buffer.alloc(150_000, 0x20)]);
    const pdf = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'scan.pdf',
      bytes: large,
    });
    expect(pdf.size).toBe(large.length);
    expect((await downloadFile(t, pdf.id, owner.token)).bytes.equals(large)).toBe(true);
  });

  it('refuses an upload request to an owner the person may not write to, or of an unknown kind', async () => {
    const input = { ownerKind: 'test.box', ownerId: owner.id, fileName: 'x.pdf' };
    const query = `mutation ($input: RequestFileUploadInput!) { requestFileUpload(input: $input) { uploadUrl } }`;
    expect(codeOf(await t.gql(query, { input }, { token: other.token }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(query, { input }))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(
        await t.gql(
          query,
          { input: { ...input, ownerKind: 'test.nothing' } },
          { token: owner.token },
        ),
      ),
    ).toBe('FILE_OWNER_KIND_UNKNOWN');
  });

  it('refuses a file over the limit with 413 and a localized message, storing nothing', async () => {
    const { uploadUrl } = await requestUpload(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'big.pdf',
    });
    const big = Buffer.concat([PDF, Buffer.alloc(200_001)]);
    const res = await sendUpload(t, uploadUrl, big, 'uk');
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'Файл завеликий. Найбільший дозволений розмір — 0,2 МБ.',
    });
    expect(await t.db.collection('files.files').countDocuments({ length: big.length })).toBe(0);
  });

  it('stops reading a body sent without a length as soon as it passes the limit', async () => {
    const { uploadUrl } = await requestUpload(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'stream.pdf',
    });
    const part = new Uint8Array(64_000);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(part);
        else controller.close();
      },
    });
    const res = await fetch(`${t.url}${uploadUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe('FILE_TOO_LARGE');
    expect(await t.db.collection('files.files').countDocuments({ length: 320_000 })).toBe(0);
  });

  it('refuses a PDF or an HTML page disguised as a JPEG where only images are taken', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    // A JPEG signature followed by garbage is not an image either.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]);
    for (const bytes of [PDF, html, broken]) {
      const { uploadUrl } = await requestUpload(t, owner.token, {
        ownerKind: 'test.photos',
        ownerId: owner.id,
        fileName: 'photo.jpg',
      });
      const res = await sendUpload(t, uploadUrl, bytes, 'pl');
      expect(res.status).toBe(415);
      expect(res.body).toEqual({
        code: 'FILE_TYPE_NOT_ALLOWED',
        message: 'Takiego rodzaju pliku nie można tu dodać. Dozwolone: JPEG, PNG, WebP.',
      });
    }
    expect(await t.app.get(FileStore).listFor('test.photos', owner.id)).toEqual([]);
  });

  it('stores a photo without its EXIF, GPS position or orientation tag, turned upright', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(hasGpsIfd(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);

    const file = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: owner.id,
      fileName: 'IMG_0001.jpg',
      bytes: original,
    });
    expect(file).toMatchObject({ kind: 'IMAGE', mimeType: 'image/jpeg' });
    const stored = (await downloadFile(t, file.id, owner.token)).bytes;
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(stored.includes('Olena at home')).toBe(false);
    expect(stored.length).toBe(file.size);
  });

  it('takes each ticket once, and not after it expired; expired tickets are purged', async () => {
    const file = { ownerKind: 'test.box', ownerId: owner.id, fileName: 'a.pdf' };
    const { uploadUrl } = await requestUpload(t, owner.token, file);
    // Two uploads with one ticket at the same time: exactly one is stored.
    const both = await Promise.all([
      sendUpload(t, uploadUrl, PDF),
      sendUpload(t, uploadUrl, PDF, 'be'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 404]);
    expect(both.find((r) => r.status === 404)!.body.code).toBe('UPLOAD_TICKET_INVALID');
    expect((await sendUpload(t, uploadUrl, PDF)).body.code).toBe('UPLOAD_TICKET_INVALID');
    expect((await sendUpload(t, '/files/upload?ticket=not-a-ticket', PDF)).status).toBe(404);

    const late = await requestUpload(t, owner.token, file);
    const clock = t.app.get(Clock);
    clock.advance(10 * 60_000 + 1000);
    try {
      expect((await sendUpload(t, late.uploadUrl, PDF)).body.code).toBe('UPLOAD_TICKET_INVALID');
      expect(await t.db.collection('file_upload_tickets').countDocuments()).toBeGreaterThan(0);
      expect(await t.app.get(JobScheduler).runNow('core.purgeExpiredUploadTickets')).toBe('ran');
      expect(await t.db.collection('file_upload_tickets').countDocuments()).toBe(0);
    } finally {
      clock.advance(-(10 * 60_000 + 1000));
    }
  });

  it('removeFor deletes every file of an owner with its chunks', async () => {
    const box = `public-${other.id}`;
    const a = await uploadFile(t, other.token, {
      ...{ ownerKind: 'test.box', ownerId: box },
      fileName: 'a.pdf',
      bytes: PDF,
    });
    const b = await uploadFile(t, other.token, {
      ownerKind: 'test.box',
      ownerId: box,
      fileName: 'b.jpg',
      bytes: await jpegWithGps(),
    });
    const store = t.app.get(FileStore);
    expect((await store.listFor('test.box', box)).map((f) => f.id)).toEqual([a.id, b.id]);
    expect((await store.read(b.id))!.length).toBe(b.size);
    expect(await chunksOf(a.id)).toBe(1);

    expect(await store.removeFor('test.box', box)).toBe(2);
    expect(await store.listFor('test.box', box)).toEqual([]);
    expect(await store.info(a.id)).toBeNull();
    expect(await chunksOf(a.id)).toBe(0);
    expect(await chunksOf(b.id)).toBe(0);
    expect((await downloadFile(t, a.id)).status).toBe(404);
    // The owner's other files stay.
    expect((await store.listFor('test.box', owner.id)).length).toBeGreaterThan(0);
  });

  it('lists and removes files through GraphQL for who may read or add to the owner', async () => {
    const box = `public-${owner.id}`;
    const file = await uploadFile(t, owner.token, {
      ownerKind: 'test.box',
      ownerId: box,
      fileName: 'ulotka.pdf',
      bytes: PDF,
    });
    const FILES = `query ($k: String!, $o: ID!) { files(ownerKind: $k, ownerId: $o) { id fileName url kind } }`;
    const listed = ok(
      await t.gql<{ files: { id: string; url: string }[] }>(FILES, { k: 'test.box', o: box }),
    );
    expect(listed.files.map((f) => f.id)).toContain(file.id);
    expect(listed.files.find((f) => f.id === file.id)).toMatchObject({ url: `/files/${file.id}` });
    expect(codeOf(await t.gql(FILES, { k: 'test.box', o: owner.id }, { token: other.token }))).toBe(
      'NOT_FOUND',
    );

    const REMOVE = `mutation ($id: ID!) { removeFile(input: { id: $id }) { id } }`;
    expect(codeOf(await t.gql(REMOVE, { id: file.id }, { token: other.token }))).toBe('NOT_FOUND');
    ok(await t.gql(REMOVE, { id: file.id }, { token: owner.token }));
    expect(await chunksOf(file.id)).toBe(0);
    expect((await downloadFile(t, file.id)).status).toBe(404);
  });

  it('stores a file made by the server with the same checks (put)', async () => {
    const store = t.app.get(FileStore);
    const made = await store.put(
      { ownerKind: 'test.photos', ownerId: owner.id },
      await jpegWithGps(),
      {
        fileName: 'map.jpg',
      },
    );
    expect(made).toMatchObject({ kind: 'IMAGE', uploadedBy: null, fileName: 'map.jpg' });
    expect((await sharp((await store.read(made.id))!).metadata()).exif).toBeUndefined();
    await expect(
      store.put({ ownerKind: 'test.photos', ownerId: owner.id }, PDF, { fileName: 'x.jpg' }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    await expect(
      store.put({ ownerKind: 'test.none', ownerId: owner.id }, PDF, { fileName: 'x.pdf' }),
    ).rejects.toMatchObject({ code: 'FILE_OWNER_KIND_UNKNOWN' });
    expect(await store.removeFor('test.photos', owner.id)).toBe(1);
  });

  it('forgets who uploaded a file when that account is erased; the file stays with its owner', async () => {
    const person = await t.userWith([Role.learner]);
    const box = `public-${person.id}`;
    const file = await uploadFile(t, person.token, {
      ownerKind: 'test.box',
      ownerId: box,
      fileName: 'c.pdf',
      bytes: PDF,
    });
    await requestUpload(t, person.token, {
      ownerKind: 'test.box',
      ownerId: box,
      fileName: 'd.pdf',
    });
    const store = t.app.get(FileStore);
    expect((await store.info(file.id))!.uploadedBy).toBe(person.id);

    ok(
      await t.gql(
        `mutation($p: String!) { deleteMyAccount(input: { password: $p }) }`,
        {
          p: person.password,
        },
        { token: person.token },
      ),
    );
    expect((await store.info(file.id))!.uploadedBy).toBeNull();
    expect(
      await t.db.collection('file_upload_tickets').countDocuments({ uploadedBy: person.id }),
    ).toBe(0);
  });
});
