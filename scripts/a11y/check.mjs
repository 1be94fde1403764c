// Checks rendered HTML documents in headless Chromium, as their readers see them, in the
// light and in the dark colour scheme (`prefers-color-scheme`):
//   - axe-core finds no accessibility violations (WCAG 2.x A and AA, and best practices),
//     colour contrast included, in either scheme;
//   - at 390 px (a phone) and 1280 px (a laptop) nothing scrolls sideways;
//   - a screenshot of each page at each width in each scheme is saved for people to look
//     at, named after the page's two folders and file: `site-public-faq-familien.de-390-dark.png`.
//
// Usage: node check.mjs SCREENSHOT_DIR FILE.html...
// The browser is the system's Chromium (CHROMIUM=/path/to/chromium to choose another).
// Exit status 1 when any page has a violation or scrolls sideways.

import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, resolve } from "node:path";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [shots, ...files] = process.argv.slice(2);
if (!shots || files.length === 0) {
  console.error("usage: node check.mjs SCREENSHOT_DIR FILE.html...");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
});
let failed = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    const url = "file://" + resolve(file);
    // Pages of several plans share file names (index.html): keep their folder in the name.
    const folder = dirname(resolve(file));
    const shot = `${basename(dirname(folder))}-${basename(folder)}-${basename(file, ".html")}`;
    for (const scheme of ["light", "dark"]) {
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
      for (const width of [390, 1280]) {
        const where = `${file} @${width}px${scheme === "light" ? "" : ` (${scheme})`}`;
        await page.setViewport({ width, height: 900, deviceScaleFactor: 1 });
        await page.goto(url, { waitUntil: "load" });
        const overflow = await page.evaluate(() => {
          const doc = document.documentElement;
          const wide = [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1)
            .filter((e) => !e.closest(".table-wrap, pre"))
            .slice(0, 5)
            .map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
          return { scroll: doc.scrollWidth, client: doc.clientWidth, wide };
        });
        if (overflow.scroll > overflow.client) {
          failed++;
          console.log(`${where}: scrolls sideways (${overflow.scroll} > ${overflow.client}): ${overflow.wide.join(", ")}`);
        }
        const suffix = scheme === "light" ? "" : `-${scheme}`;
        await page.screenshot({ path: `${shots}/${shot}-${width}${suffix}.png`, fullPage: true });
        // At both widths: what is shown (and its contrast) can depend on the width.
        await page.evaluate(axeSource);
        const result = await page.evaluate(() =>
          // eslint-disable-next-line no-undef
          axe.run(document, { resultTypes: ["violations"] }),
        );
        for (const v of result.violations) {
          failed++;
          console.log(`${where}: ${v.id} (${v.impact}): ${v.help}`);
          for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}`);
        }
      }
    }
    await page.close();
    console.log(`${file}: checked`);
  }
} finally {
  await browser.close();
}
console.log(failed === 0 ? "no violations, no sideways scrolling" : `${failed} problem(s)`);
process.exit(failed === 0 ? 0 : 1);
