#!/usr/bin/env node
// The engines suite's image scanner, run by ImageScanGate through `ImageScanner.custom` as
// `node image-policy-scan.js <registry>/<repo>@sha256:<digest>`.
//
// Grype, Trivy, Clair and Anchore all need a vulnerability database from the internet, which these
// machines cannot reach, so the suite gates on a policy it can decide from the registry alone: the
// image's manifest must exist at the pinned digest, and its configuration must run as a non-root
// user (CIS Docker 4.1). Exit 0 passes, exit 1 fails the gate with one line saying why.
'use strict';
const http = require('http');

function get(url, accept) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: accept ? { Accept: accept } : {}, timeout: 10000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout reading ${url}`)));
    req.on('error', reject);
  });
}

async function main() {
  const ref = process.argv[2] || '';
  const m = /^([^/]+)\/(.+?)(?::[^:@/]+)?@(sha256:[0-9a-f]{64})$/.exec(ref);
  if (!m) throw new Error(`not a digest-pinned reference: ${JSON.stringify(ref)}`);
  const [, registry, repo, digest] = m;
  const manifest = await get(`http://${registry}/v2/${repo}/manifests/${digest}`,
    'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json');
  if (manifest.status !== 200) throw new Error(`manifest ${digest} of ${repo}: HTTP ${manifest.status}`);
  const configDigest = JSON.parse(manifest.body).config?.digest;
  if (!configDigest) throw new Error(`manifest ${digest} of ${repo} has no config`);
  const config = await get(`http://${registry}/v2/${repo}/blobs/${configDigest}`);
  if (config.status !== 200) throw new Error(`config ${configDigest}: HTTP ${config.status}`);
  const user = String(JSON.parse(config.body).config?.User ?? '');
  if (user === '' || /^(0|root)(:|$)/.test(user)) {
    console.error(`image-policy-scan: FAIL ${ref}: the image runs as root (User=${JSON.stringify(user)}), CIS Docker 4.1`);
    process.exit(1);
  }
  console.log(`image-policy-scan: PASS ${ref}: manifest present, User=${user}`);
}

main().catch((e) => { console.error(`image-policy-scan: FAIL (could not decide): ${e.message}`); process.exit(1); });
