/**
 * axe-core on a screen of the app: every screen an end-to-end test reaches is checked, and a
 * serious or critical violation fails the test with the rule, the element and how to fix it.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What fails a test: axe's two highest impacts. Moderate and minor findings are not gated... */
const GATED_IMPACTS = new Set(['serious', 'critical']);

/**
 * ...except these, which a walk-through of the agent guide found and which stay fixed: one
 * level-one heading, and all content inside landmarks, so a screen reader can jump around.
 */
const GATED_RULES = new Set(['page-has-heading-one', 'region']);

/**
 * Rules beyond axe's defaults that the CCP is held to: a visible label must be in the
 * accessible name (speech users say what they see: "click 2 ABC"). axe ships it as
 * experimental, so it runs only when named.
 */
const EXTRA_RULES = ['label-content-name-mismatch'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations on the page as it stands, named by rule and element. */
export async function accessibilityFindings(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    .options({
      rules: Object.fromEntries(EXTRA_RULES.map((rule) => [rule, { enabled: true }])),
    })
    .analyze();
  return results.violations
    .filter(
      (violation) => GATED_IMPACTS.has(violation.impact ?? '') || GATED_RULES.has(violation.id),
    )
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** Fails the test, naming the screen, if axe finds a serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await accessibilityFindings(page) }).toEqual({
    screen,
    violations: [],
  });
}

const SHOTS = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

/** A screen the tests reach: checked with axe, then photographed for the README. */
export async function captureScreen(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await page.screenshot({ path: `${SHOTS}${name}.png` });
}
