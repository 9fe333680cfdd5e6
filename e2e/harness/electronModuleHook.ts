/**
 * Makes `import ... from 'electron'` in the built main bundle (and in electron-store) resolve
 * to ElectronStandIn, for the boot test. A Node module hook (module.register) redirects the
 * specifier to a small module that re-exports the stand-in the test put on globalThis, so the
 * test and the app share the very same objects.
 */
import { register } from 'node:module';
import type * as StandIn from './ElectronStandIn';

const NAMES = [
  'app',
  'BrowserWindow',
  'ipcMain',
  'session',
  'protocol',
  'screen',
  'shell',
  'net',
  'powerMonitor',
  'globalShortcut',
  'nativeImage',
  'Menu',
  'Tray',
  'Notification',
  'safeStorage',
] as const;

const GLOBAL = '__openccpElectronStandIn';

export function resolveElectronTo(standIn: typeof StandIn): void {
  (globalThis as Record<string, unknown>)[GLOBAL] = standIn;
  const electron = [
    `const standIn = globalThis.${GLOBAL};`,
    ...NAMES.map((name) => `export const ${name} = standIn.${name};`),
    'export default standIn.default;',
  ].join('\n');
  const target = `data:text/javascript,${encodeURIComponent(electron)}`;
  const hooks = [
    'export async function resolve(specifier, context, next) {',
    `  if (specifier === 'electron') return { url: ${JSON.stringify(target)}, shortCircuit: true };`,
    '  return next(specifier, context);',
    '}',
  ].join('\n');
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
