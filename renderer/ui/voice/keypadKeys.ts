/** One key of a phone keypad, shared by the number pad (dialing) and the DTMF pad (in call). */
export interface KeypadKey {
  symbol: string;
  /** Suffix of the key's test id: `1`, `star`, `hash`. */
  id: string;
  /** Phone-keypad letters, decoration only. */
  letters: string;
  /** i18n key of the accessible name when the symbol alone reads badly. */
  nameKey?: string;
}

export const KEYPAD_KEYS: readonly KeypadKey[] = [
  { symbol: '1', id: '1', letters: '' },
  { symbol: '2', id: '2', letters: 'ABC' },
  { symbol: '3', id: '3', letters: 'DEF' },
  { symbol: '4', id: '4', letters: 'GHI' },
  { symbol: '5', id: '5', letters: 'JKL' },
  { symbol: '6', id: '6', letters: 'MNO' },
  { symbol: '7', id: '7', letters: 'PQRS' },
  { symbol: '8', id: '8', letters: 'TUV' },
  { symbol: '9', id: '9', letters: 'WXYZ' },
  { symbol: '*', id: 'star', letters: '', nameKey: 'numpad.star' },
  { symbol: '0', id: '0', letters: '+' },
  { symbol: '#', id: 'hash', letters: '', nameKey: 'numpad.hash' },
];
