import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../common/contract';
import { fileHeaders, fileOf, isFileMessage } from './chatFileBody';

const headers = (overrides: Partial<Parameters<typeof fileOf>[0]> = {}) => ({
  contentType: 'image/png',
  contentTransferEncoding: 'base64',
  contentDisposition: 'attachment; filename="receipt.png"',
  ...overrides,
});

describe('chatFileBody: a file MESSAGE on the wire', () => {
  it('is a file only with Content-Transfer-Encoding: base64', () => {
    expect(isFileMessage(headers())).toBe(true);
    expect(isFileMessage(headers({ contentTransferEncoding: ' BASE64 ' }))).toBe(true);
    expect(isFileMessage(headers({ contentTransferEncoding: undefined }))).toBe(false);
  });

  it('reads name, type without parameters and decoded size, line breaks dropped', () => {
    const file = fileOf(headers({ contentType: 'Image/PNG; x=1' }), 'aGVs\r\nbG8=');
    expect(file).toEqual({
      ok: true,
      attachment: { name: 'receipt.png', type: 'image/png', size: 5, data: 'aGVsbG8=' },
    });
  });

  it('takes an unquoted filename and makes a hostile one safe', () => {
    const plain = fileOf(headers({ contentDisposition: 'attachment;filename=a.pdf' }), 'YQ==');
    expect(plain.ok && plain.attachment.name).toBe('a.pdf');
    const hostile = fileOf(
      headers({ contentDisposition: 'attachment; filename="../../x\\y"' }),
      'YQ==',
    );
    expect(hostile.ok && hostile.attachment.name).toBe('y');
  });

  it('answers 413 for a file over the hard limit', () => {
    const big = 'A'.repeat(Math.ceil((MAX_ATTACHMENT_BYTES + 3) / 3) * 4);
    expect(fileOf(headers(), big)).toEqual({ ok: false, status: 413 });
  });

  it('answers 415 for a body that is not base64', () => {
    expect(fileOf(headers(), '<html>not base64</html>')).toEqual({ ok: false, status: 415 });
  });

  it('names the file in the headers it sends', () => {
    expect(fileHeaders({ name: 'a"b.png', type: 'image/png', size: 1, data: 'YQ==' })).toEqual([
      'Content-Disposition: attachment; filename="a_b.png"',
      'Content-Transfer-Encoding: base64',
    ]);
  });
});
