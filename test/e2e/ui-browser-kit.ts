/**
 * Headless Chromium for the dashboard tests and screenshots, driven by playwright-core: Debian's `chromium`
 * package (CHROMIUM_PATH overrides where it is). Without it the tests fail, saying how to install it; they never
 * skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the dashboard tests need Chromium at ${CHROMIUM}: install it with \`apt-get install chromium\` ` +
        '(Debian; .ci/run does it), or point CHROMIUM_PATH at a Chromium or Chrome binary',
    );
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}
