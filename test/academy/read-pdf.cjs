// Reads a PDF from stdin the way a reader would: the text of every page (pdf.js through
// pdf-parse) and the QR codes of its images (jsQR). Prints { text, qr, pages } as JSON.
// A child process, because pdf.js loads its worker with a dynamic import that Jest's VM refuses.
const { PDFParse } = require('pdf-parse');
const jsQR = require('jsqr');
const { PNG } = require('pngjs');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = (await parser.getText()).text;
    const images = await parser.getImage();
    const qr = images.pages.flatMap((page) =>
      page.images.map((image) => {
        const png = PNG.sync.read(Buffer.from(image.data));
        const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        return found ? found.data : null;
      }),
    );
    process.stdout.write(JSON.stringify({ text, qr, pages: images.pages.length }));
  } finally {
    await parser.destroy();
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
