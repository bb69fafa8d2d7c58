// Renders the reference platform's topology (the Mermaid diagram of its review) to docs/reference-architecture.png,
// with the real mermaid package in headless Chromium, exactly as the render test does.
// Run: bash scripts/setup-browser.sh && npx ts-node --swc --prefer-ts-exts scripts/render-architecture.ts
import * as path from 'path';
import { Testing } from 'cdktf';
import { ReferencePlatformStack } from '../examples/reference-platform/platform';
import { launchBrowser, renderPng } from './mermaid-browser';

export const PNG = path.join(__dirname, '..', 'docs', 'reference-architecture.png');

async function main(): Promise<void> {
  const stack = new ReferencePlatformStack(Testing.app(), 'reference-platform');
  Testing.synth(stack);
  const browser = await launchBrowser();
  try {
    await renderPng(browser, stack.architecture.renderReview().mermaid, PNG);
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${path.relative(process.cwd(), PNG)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
