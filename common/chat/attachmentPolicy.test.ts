import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from '../contract/chatAttachment';
import { checkOutgoing, displayKind, mimeOnly, safeFileName } from './attachmentPolicy';

/** Base64 of: a PNG signature and IHDR length, a JPEG SOI, GIF89a, a WebP and a WAVE RIFF header, HTML, SVG. */
const B64 = {
  PNG: 'iVBORw0KGgoAAAAN',
  JPEG: '/9j/4A==',
  GIF: 'R0lGODlhLi4uLg==',
  WEBP: 'UklGRgEAAABXRUJQVlA4IA==',
  HTML: 'PGh0bWw+PHNjcmlwdD54KCk8L3NjcmlwdD4=',
  WAVE: 'UklGRgEAAABXQVZFZm10IA==',
  SVG: 'PHN2ZyBvbmxvYWQ9IngoKSIvPg==',
};
const limits = { maxBytes: 1000, types: ['image/png', 'application/pdf'] };

describe('checkOutgoing: the profile’s size and type limits before sending', () => {
  it('accepts a file of exactly the largest size', () => {
    expect(checkOutgoing({ size: 1000, type: 'image/png' }, limits)).toEqual({ ok: true });
  });
  it('refuses a file one byte over the size limit as too large', () => {
    expect(checkOutgoing({ size: 1001, type: 'image/png' }, limits)).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
  });
  it('refuses a type the profile does not list', () => {
    expect(checkOutgoing({ size: 10, type: 'text/html' }, limits)).toEqual({
      ok: false,
      reason: 'typeNotAllowed',
    });
  });
  it('reads the type without parameters and case', () => {
    expect(checkOutgoing({ size: 10, type: 'Application/PDF; x=1' }, limits).ok).toBe(true);
    expect(mimeOnly(' IMAGE/PNG ;q=1')).toBe('image/png');
  });
  it('refuses an empty file', () => {
    expect(checkOutgoing({ size: 0, type: 'image/png' }, limits)).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
  it('has defaults that allow a small PNG and refuse HTML', () => {
    expect(checkOutgoing({ size: 2000, type: 'image/png' }, DEFAULT_ATTACHMENT_LIMITS).ok).toBe(
      true,
    );
    expect(checkOutgoing({ size: 20, type: 'text/html' }, DEFAULT_ATTACHMENT_LIMITS).ok).toBe(
      false,
    );
  });
});

describe('displayKind: a received file is an image only when type and bytes agree', () => {
  it('shows a PNG whose bytes start with the PNG signature', () => {
    expect(displayKind({ type: 'image/png', data: B64.PNG })).toBe('image');
  });
  it('shows JPEG, GIF and WebP by their signatures', () => {
    expect(displayKind({ type: 'image/jpeg', data: B64.JPEG })).toBe('image');
    expect(displayKind({ type: 'image/gif', data: B64.GIF })).toBe('image');
    expect(displayKind({ type: 'image/webp', data: B64.WEBP })).toBe('image');
  });
  it('offers HTML declared as a PNG as a download', () => {
    expect(displayKind({ type: 'image/png', data: B64.HTML })).toBe('download');
  });
  it('offers a RIFF file that is not WebP as a download', () => {
    expect(displayKind({ type: 'image/webp', data: B64.WAVE })).toBe('download');
  });
  it('never shows SVG, HTML or unknown types, whatever the bytes', () => {
    expect(displayKind({ type: 'image/svg+xml', data: B64.SVG })).toBe('download');
    expect(displayKind({ type: 'text/html', data: B64.PNG })).toBe('download');
    expect(displayKind({ type: 'application/octet-stream', data: B64.PNG })).toBe('download');
  });
  it('offers a download for base64 that does not decode', () => {
    expect(displayKind({ type: 'image/png', data: '!!!!' })).toBe('download');
  });
});

describe('safeFileName', () => {
  it('keeps the last path part and replaces quotes and control characters', () => {
    expect(safeFileName('C:\\tmp\\a"b\r\n.png')).toBe('a_b__.png');
    expect(safeFileName('/etc/')).toBe('file');
  });
});
