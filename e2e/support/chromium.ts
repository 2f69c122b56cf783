/**
 * The browser every browser test and bench drives: Debian's Chromium build of the old headless
 * mode (`apt-get install -y chromium-headless-shell`), which Playwright uses for headless runs
 * when it can download its own. The full browser's headless mode costs this suite about 40 % more
 * time for the same pages. CHROMIUM_PATH overrides it (scripts/test-all.mjs checks it exists).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
