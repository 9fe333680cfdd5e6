/** Window places survive a restart in the settings file, and never land off screen. */
import { describe, expect, it } from 'vitest';
import type { KeyValueFile } from '../settings/KeyValueFile';
import { WindowLayoutStore } from './WindowLayoutStore';

class MemoryFile implements KeyValueFile {
  store: Record<string, unknown> = {};
  set(key: string, value: unknown) {
    this.store = { ...this.store, [key]: value };
  }
  delete(key: string) {
    const { [key]: _gone, ...rest } = this.store;
    this.store = rest;
  }
}

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
const size = { width: 360, height: 620 };

describe('WindowLayoutStore', () => {
  it('a place saved by one run is where the next run opens the window', () => {
    const file = new MemoryFile();
    new WindowLayoutStore(file).save('ccp', { x: 40, y: 50, width: 400, height: 700 });
    const next = new WindowLayoutStore(file);
    expect(next.place('ccp', screen, size)).toEqual({ x: 40, y: 50, width: 400, height: 700 });
    expect(next.place('widget', screen, size)).toEqual({ x: 780, y: 210, width: 360, height: 620 });
  });

  it('keeps the other desktop settings (shortcuts) when saving a place', () => {
    const file = new MemoryFile();
    file.set('desktop', { widgetAlwaysOnTop: true });
    new WindowLayoutStore(file).save('widget', { x: 1, y: 2, width: 300, height: 180 });
    expect(file.store['desktop']).toEqual({
      widgetAlwaysOnTop: true,
      windows: { widget: { x: 1, y: 2, width: 300, height: 180 } },
    });
  });

  it('a damaged entry reads as no place, and bounds that are not whole pixels are not saved', () => {
    const file = new MemoryFile();
    file.set('desktop', { windows: { ccp: { x: 'left' } } });
    const layout = new WindowLayoutStore(file);
    expect(layout.saved('ccp')).toBeUndefined();
    layout.save('ccp', { x: 0.5, y: 0, width: 10, height: 10 });
    expect(file.store['desktop']).toEqual({ windows: { ccp: { x: 'left' } } });
  });
});
