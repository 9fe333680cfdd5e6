import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { byTestId, renderMarkup } from '../shared/renderMarkup.testkit';
import { HeadsetIndicator } from './HeadsetIndicator';

describe('HeadsetIndicator (B2)', () => {
  it('names the headset in use and the last button pressed on it', () => {
    const html = renderMarkup(
      createElement(HeadsetIndicator, {
        headset: {
          name: 'Jabra EVOLVE LINK MS',
          vendorId: 0x0b0e,
          productId: 0x0307,
          lastPress: { button: 'phoneMute', at: 1 },
        },
      }),
    );
    expect(byTestId(html, 'headset-in-use')?.text).toBe(
      'Headset: Jabra EVOLVE LINK MS · Last button: Mute',
    );
  });

  it('shows no last button before one is pressed, and nothing without a headset', () => {
    const html = renderMarkup(
      createElement(HeadsetIndicator, {
        headset: { name: 'EPOS IMPACT DW', vendorId: 0x1395, productId: 0x00a2 },
      }),
    );
    expect(byTestId(html, 'headset-in-use')?.text).toBe('Headset: EPOS IMPACT DW');
    expect(renderMarkup(createElement(HeadsetIndicator, { headset: undefined }))).toBe('');
  });
});
