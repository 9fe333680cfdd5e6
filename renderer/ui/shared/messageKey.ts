/**
 * Every message key of the English catalogue, as a type: a table of codes to keys that names
 * a key English lacks is a type error. The other catalogues are held to exactly the English
 * keys by locales.test.ts.
 */
import type en from '../locales/en.json';

type Leaves<Catalogue, Prefix extends string = ''> = {
  [Key in keyof Catalogue & string]: Catalogue[Key] extends string
    ? `${Prefix}${Key}`
    : Leaves<Catalogue[Key], `${Prefix}${Key}.`>;
}[keyof Catalogue & string];

export type MessageKey = Leaves<typeof en>;
