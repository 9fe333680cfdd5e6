/**
 * The WHATWG URL class, as both runtimes provide it (Chromium and Node). `common/` is checked
 * without DOM or Node types so that nothing else of either slips in; this is the one global it
 * may use. Only tsconfig.common.json includes this file: the other configs get URL from their
 * own runtime's types.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  static canParse(url: string, base?: string): boolean;
  readonly hostname: string;
  readonly protocol: string;
  readonly href: string;
}
