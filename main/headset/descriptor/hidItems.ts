/**
 * The items of a HID report descriptor (HID 1.11, 6.2.2.2): each short item is a prefix byte
 * (tag, type, size 0/1/2/4) and its little-endian data; a long item (prefix 0xFE) carries its
 * own size and tag and is defined by no standard usage, so it is kept only to be skipped.
 */

export type ItemType = 'main' | 'global' | 'local' | 'reserved';

export interface HidItem {
  type: ItemType;
  /** The 4-bit tag within its type. */
  tag: number;
  /** Data size in bytes: 0, 1, 2 or 4 for short items. */
  size: number;
  /** The data read unsigned, little-endian. */
  data: number;
  /** Byte offset of the item's prefix in the descriptor, for messages. */
  offset: number;
  long: boolean;
}

export class DescriptorError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
    this.name = 'DescriptorError';
  }
}

const ITEM_TYPES: readonly ItemType[] = ['main', 'global', 'local', 'reserved'];
const LONG_ITEM_PREFIX = 0xfe;
/** bSize 3 means four data bytes. */
const DATA_SIZES = [0, 1, 2, 4] as const;

/** Splits the descriptor into its items; a truncated item is an error, not a guess. */
export function readItems(bytes: Uint8Array): HidItem[] {
  const items: HidItem[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const prefix = bytes[offset] ?? 0;
    if (prefix === LONG_ITEM_PREFIX) {
      const size = bytes[offset + 1];
      const tag = bytes[offset + 2];
      if (size === undefined || tag === undefined || offset + 3 + size > bytes.length) {
        throw new DescriptorError('long item cut short', offset);
      }
      items.push({ type: 'reserved', tag, size, data: 0, offset, long: true });
      offset += 3 + size;
      continue;
    }
    const size = DATA_SIZES[prefix & 0x03] ?? 0;
    if (offset + 1 + size > bytes.length) throw new DescriptorError('item cut short', offset);
    let data = 0;
    for (let index = size - 1; index >= 0; index--) {
      data = data * 256 + (bytes[offset + 1 + index] ?? 0);
    }
    items.push({
      type: ITEM_TYPES[(prefix >> 2) & 0x03] ?? 'reserved',
      tag: prefix >> 4,
      size,
      data,
      offset,
      long: false,
    });
    offset += 1 + size;
  }
  return items;
}

/** The item's data as a two's-complement number of its own size (logical and physical limits). */
export function signedData(item: Pick<HidItem, 'size' | 'data'>): number {
  if (item.size === 0) return 0;
  const bits = item.size * 8;
  const half = 2 ** (bits - 1);
  return item.data >= half ? item.data - 2 ** bits : item.data;
}
