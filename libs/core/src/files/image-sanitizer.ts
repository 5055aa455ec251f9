import { DetectedType } from './file-kind';

/** Larger pictures are refused (a small file can decode to a huge bitmap). */
const MAX_PIXELS = 40_000_000;

/**
 * Re-encodes an image in its own format: the EXIF orientation is applied to the pixels first,
 * then no metadata is written (sharp writes none unless asked): no EXIF with its GPS position,
 * camera or author, no XMP, IPTC, comments or ICC profile (colours are converted to sRGB). A file
 * that only looks like an image (a valid signature, then garbage) gives null.
 */
export async function sanitizeImage(bytes: Buffer, type: DetectedType): Promise<Buffer | null> {
  // loaded at the first picture, not at start: libvips takes ~18 MB that most instances never use
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false }).rotate();
    if (type.mimeType === 'image/jpeg') return await image.jpeg({ quality: 88 }).toBuffer();
    if (type.mimeType === 'image/png') return await image.png().toBuffer();
    return await image.webp({ quality: 88 }).toBuffer();
  } catch {
    return null;
  }
}
