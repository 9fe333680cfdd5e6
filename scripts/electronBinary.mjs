/**
 * Whether the Electron binary is installed, found without require('electron'), which would
 * try to download it (electron 45 fetches its binary on first use).
 */
import { existsSync, readFileSync } from 'node:fs';

export function electronBinary() {
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return undefined;
  const binary = `node_modules/electron/dist/${readFileSync(pathFile, 'utf8').trim()}`;
  return existsSync(binary) ? binary : undefined;
}
