// Renders Mermaid diagrams with the real `mermaid` package in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no network: mermaid's bundle is loaded from
// node_modules). Used by test/hybrid/mermaid-render.test.ts and scripts/render-architecture.ts.
import * as fs from 'fs';
import { Browser, chromium } from 'playwright-core';

/** Where Debian's chromium package installs the browser (scripts/setup-browser.sh). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The result of rendering one diagram. */
export interface MermaidResult {
  readonly ok: boolean;
  /** The SVG when it rendered. */
  readonly svg?: string;
  /** Mermaid's parse or render error otherwise. */
  readonly error?: string;
}

/** Starts Chromium; throws a message naming the setup script when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup-browser.sh (installs Debian's chromium) first`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

const PAGE = '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff"><div id="out"></div></body></html>';

/** Renders each diagram with mermaid.render (strict security level); a parse error comes back as `ok: false`. */
export async function renderMermaid(browser: Browser, diagrams: string[]): Promise<MermaidResult[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(PAGE);
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    return await page.evaluate(async (texts: string[]) => {
      const m = (globalThis as any).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
      const results: Array<{ ok: boolean; svg?: string; error?: string }> = [];
      for (const [i, text] of texts.entries()) {
        try {
          await m.parse(text);
          const { svg } = await m.render(`diagram${i}`, text);
          results.push({ ok: true, svg });
        } catch (e) {
          results.push({ ok: false, error: String((e as Error)?.message ?? e) });
        }
      }
      return results;
    }, diagrams);
  } finally {
    await page.close();
  }
}

/** Renders one diagram to a PNG file (the SVG on a white page, screenshotted at `scale`). */
export async function renderPng(browser: Browser, diagram: string, file: string, scale = 2): Promise<void> {
  const [result] = await renderMermaid(browser, [diagram]);
  if (!result.ok) throw new Error(`Mermaid could not render the diagram: ${result.error}`);
  const page = await browser.newPage({ deviceScaleFactor: scale, viewport: { width: 1600, height: 1200 } });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0;padding:16px;background:#fff;display:inline-block">${result.svg}</body></html>`);
    // Mermaid emits width="100%" with a max-width: give the SVG its natural size (the viewBox) instead.
    const size = await page.evaluate(() => {
      const svg = (globalThis as any).document.querySelector('svg');
      const box = svg.viewBox.baseVal;
      svg.setAttribute('width', String(Math.ceil(box.width)));
      svg.setAttribute('height', String(Math.ceil(box.height)));
      svg.style.maxWidth = 'none';
      return { width: Math.ceil(box.width) + 32, height: Math.ceil(box.height) + 32 };
    });
    await page.setViewportSize(size);
    const svg = page.locator('svg').first();
    await svg.screenshot({ path: file, omitBackground: false });
  } finally {
    await page.close();
  }
}
