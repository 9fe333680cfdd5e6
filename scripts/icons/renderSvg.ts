/**
 * Renders an SVG into square PNGs with the Chromium the tests already use (Playwright drives
 * it): no image library to add, and Chromium's SVG rendering is the reference for how the icon
 * looks. The background stays transparent around the icon's rounded corners.
 */
import { chromium } from '@playwright/test';

const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function renderSvg(
  svg: string,
  sizes: readonly number[],
): Promise<Map<number, Buffer>> {
  const largest = Math.max(...sizes);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: largest, height: largest } });
    const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const images = new Map<number, Buffer>();
    for (const size of sizes) {
      // The SVG is drawn at each size rather than scaled down from the largest: small sizes
      // stay sharp.
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((image: HTMLImageElement) => image.decode());
      images.set(
        size,
        await page.screenshot({
          clip: { x: 0, y: 0, width: size, height: size },
          omitBackground: true,
        }),
      );
    }
    return images;
  } finally {
    await browser.close();
  }
}
