/**
 * A real, minimal PDF 1.4 (one page, one line of Helvetica text) with a correct cross-reference
 * table, so PDF readers and `pdf-lib`-style parsers open what the documentation mock returns.
 */
export function createDocumentationPdf(options: { readonly contactId: string; readonly eventId?: string }): Uint8Array {
  const title = `Complero consent documentation for contact ${options.contactId}${options.eventId ? ` (event ${options.eventId})` : ''}`;
  const text = escapePdfText(toLatin1(title));
  const stream = `BT /F1 12 Tf 56 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, flag, CR LF.
  const entries = ['0000000000 65535 f\r\n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`)];
  body += `xref\n0 ${objects.length + 1}\n${entries.join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Everything above is ASCII, so one character is one byte and the offsets hold.
  return Uint8Array.from(body, (character) => character.charCodeAt(0));
}

function toLatin1(text: string): string {
  return text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '');
}

function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}
