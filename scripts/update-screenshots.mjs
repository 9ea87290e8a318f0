// Refreshes docs/screenshots/ from the built dist/: what a reader sees first,
// at desktop and phone sizes, in both modes and both colour schemes, with a
// quote selected. Run after `make dist`: node scripts/update-screenshots.mjs
import { launch, serveDist, recordReadyEvents, waitForReady, ROOT } from '../tests/e2e/harness.mjs';
import { join } from 'node:path';

const SIZES = {
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true },
};
const SHOTS = [
  ['desktop', 'full', 'light', 'next-time-in-moscow'],
  ['desktop', 'companion', 'dark', 'next-time-in-moscow'],
  ['phone', 'full', 'light', null],
  ['phone', 'companion', 'dark', null],
];

const browser = await launch();
const server = await serveDist();
for (const [size, mode, scheme, quote] of SHOTS) {
  const context = await browser.newContext({ ...SIZES[size], colorScheme: scheme });
  const page = await context.newPage();
  await recordReadyEvents(page);
  await page.goto(`${server.url}anchorage-summit/?mode=${mode}${quote ? '#quote=' + quote : ''}`);
  await waitForReady(page);
  await page.waitForTimeout(1500);  // the map's flight to the quote's place settles
  const path = join(ROOT, 'docs/screenshots', `${size}-${mode}-${scheme}.png`);
  await page.screenshot({ path });
  console.log(path);
  await context.close();
}
await browser.close();
await server.close();
