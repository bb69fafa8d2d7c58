// The topology diagrams are valid for real Mermaid: rendered with the `mermaid` package in headless
// Chromium (scripts/setup-browser.sh installs Debian's chromium; CI runs it before npm test).
import { Browser } from 'playwright-core';
import { launchBrowser, MermaidResult, renderMermaid } from '../../scripts/mermaid-browser';
import { synthReferencePlatform } from '../helpers/reference-platform';
import { PlacementTarget } from '../../lib';
import { DB_VM, FakeHypervFactory, newArchitecture, newStack, service, vsphereFactory } from './fixtures';

jest.setTimeout(120000);

/** A diagram with every kind of node and edge: sandboxed, Docker pair and front network, VM segments on two hypervisors, an override. */
function everyShape(): string {
  const stack = newStack();
  const arch = newArchitecture(stack, { virtualMachineFactories: [vsphereFactory(stack), new FakeHypervFactory()] });
  const preview = arch.addContainerWorkload('Preview', { spec: service('preview', 8080), requirements: { untrustedCode: true } });
  const web = arch.addContainerWorkload('Web', { spec: service('web', 8080), requirements: { edge: true }, placement: PlacementTarget.KUBERNETES, placementReason: 'cluster at the edge site' });
  const proxy = arch.addContainerWorkload('Proxy', { spec: service('proxy', 8080), requirements: { edge: true }, publishedPorts: [{ containerPort: 8080, hostPort: 8443 }] });
  const app = arch.addContainerWorkload('App', { spec: service('app', 9000), requirements: { edge: true } });
  const db = arch.addVmWorkload('Db', { spec: DB_VM, requirements: { machineSnapshots: true }, vlanId: 110, ipv4Address: '10.0.110.11' });
  const ad = arch.addVmWorkload('Ad', { spec: { name: 'ad "primary"', cpus: 2, memoryMiB: 4096 }, requirements: { windows: true, windowsEcosystem: true }, vlanId: 30, ipv4Address: '10.0.30.5' });
  arch.connect(web, preview, 8080);
  arch.connect(proxy, app, 9000);
  arch.connect(proxy, web, 8080);
  arch.connect(web, db, 5432);
  arch.connect(db, ad, 389);
  return arch.renderReview().mermaid;
}

describe('Mermaid topology renders in real Mermaid (headless Chromium)', () => {
  let browser: Browser;
  let results: MermaidResult[];
  const diagrams: Array<[string, string]> = [];

  beforeAll(async () => {
    const { stack } = synthReferencePlatform();
    diagrams.push(['reference platform', stack.architecture.renderReview().mermaid]);
    diagrams.push(['every shape', everyShape()]);
    diagrams.push(['empty architecture', newArchitecture(newStack()).renderReview().mermaid]);
    browser = await launchBrowser();
    results = await renderMermaid(browser, [...diagrams.map(([, d]) => d), 'flowchart LR\n  a[["broken" --> b']);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the harness catches a parse error (negative control)', () => {
    expect(results[results.length - 1]).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error/) });
  });

  test.each([0, 1, 2])('diagram %i renders without error and shows its workloads', (i) => {
    const [name, diagram] = diagrams[i];
    const result = results[i];
    expect({ name, error: result.error }).toEqual({ name, error: undefined });
    expect(result.svg).toMatch(/^<svg/);
    const names = [...diagram.matchAll(/^\s+w_\w+\[+\(?"([^<"]+)/gm)].map((m) => m[1]);
    expect(names).toHaveLength((diagram.match(/^\s+w_\w+\[/gm) ?? []).length);
    for (const name of names) expect({ name, shown: result.svg!.includes(name.replace(/#quot;/g, '"')) }).toEqual({ name, shown: true });
  });
});
