// The engines suite (`npm run test:engines`): what the library emits, planned and applied by a real
// Terraform with real providers against a real Docker Engine, state in PostgreSQL, and Checkov as a
// peer. Needs `scripts/engines/setup.sh` first (it writes the engines.env this reads).
//
// For every example app under examples/ it synthesizes the app, cuts each stack into its tiers
// (the resources of one provider and what they reference), and for each tier whose provider could be
// built: init (offline), validate, plan; the Docker tier is applied and proven with `docker inspect`
// and real traffic, re-planned (no changes allowed), and torn down. Then the suite's own apps prove
// isolation, the scan gate, data safety and the state lock. It ends with one summary line per tier
// and a plain `engines: N passed, N failed` line; the exit code is non-zero on any failure.
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { sliceTier, TerraformJson, TIERS, Tier } from './slice';
import { checkovFindings, explainCheckov } from './checkov';

const repo = path.resolve(__dirname, '../..');
const cache = process.env.ENGINES_CACHE ?? path.join(os.homedir(), '.cache', 'cdktf-hybrid-engines');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-'));
const env = readEnv(path.join(cache, 'engines.env'));
const TF = env.TERRAFORM;
const tfEnv: NodeJS.ProcessEnv = {
  ...process.env,
  TF_CLI_CONFIG_FILE: env.TF_CLI_CONFIG_FILE,
  PG_CONN_STR: env.PG_CONN_STR,
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
};
const scanner = ['node', path.join(repo, 'test/engines/bin/image-policy-scan.js'), '{image}'];
const site = {
  images: {
    'edge-proxy': env.IMAGE_edge_proxy,
    'orders-api': env.IMAGE_orders_api,
    'web': env.IMAGE_web,
    'rooty': env.IMAGE_rooty,
    'gateway': env.IMAGE_gateway,
    'sensor-api': env.IMAGE_sensor_api,
    'telemetry-buffer': env.IMAGE_telemetry_buffer,
  },
  allowedRegistries: [env.REGISTRY],
  scanner,
};

// ---- results ------------------------------------------------------------------------------------
let passed = 0;
let failed = 0;
const failures: string[] = [];
interface TierStats { stacks: number; applied: number; replanChanges: number; healthy: number; declared: number; passed: number; failed: number; notes: string[] }
const stats = new Map<string, TierStats>();
function tierStats(tier: string): TierStats {
  let s = stats.get(tier);
  if (!s) stats.set(tier, s = { stacks: 0, applied: 0, replanChanges: 0, healthy: 0, declared: 0, passed: 0, failed: 0, notes: [] });
  return s;
}
function check(tier: string, name: string, ok: boolean, detail = ''): boolean {
  const s = tierStats(tier);
  if (ok) { passed++; s.passed++; } else { failed++; s.failed++; failures.push(`${tier}: ${name}${detail ? ` — ${detail}` : ''}`); }
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n       ${detail.split('\n').join('\n       ')}` : ''}`);
  return ok;
}

// ---- processes ----------------------------------------------------------------------------------
function readEnv(file: string): Record<string, string> {
  if (!fs.existsSync(file)) {
    console.error(`engines: ${file} is missing: run scripts/engines/setup.sh first`);
    process.exit(2);
  }
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)="(.*)"$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): SpawnSyncReturns<string> & { out: string } {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 << 20 });
  return Object.assign(r, { out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` });
}
function tf(dir: string, ...args: string[]) {
  return run(TF, args, { cwd: dir, env: tfEnv });
}
function tail(text: string, lines = 25): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
function docker(...args: string[]) {
  return run('docker', args, { timeoutMs: 120_000 });
}
function inspect(name: string): any {
  const r = docker('inspect', name);
  return r.status === 0 ? JSON.parse(r.stdout)[0] : undefined;
}
function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// ---- synth ----------------------------------------------------------------------------------------
/** Synthesizes `entry` (a cdktf app's main file) into a fresh folder; returns stack name -> JSON file. */
function synth(label: string, entry: string, extraContext: Record<string, unknown> = {}): Map<string, string> {
  const outdir = path.join(work, 'synth', label);
  fs.mkdirSync(outdir, { recursive: true });
  const r = run(path.join(repo, 'node_modules/.bin/ts-node'), ['--swc', '--prefer-ts-exts', entry], {
    cwd: repo,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', CDKTF_CONTEXT_JSON: JSON.stringify({ site, ...extraContext }) },
  });
  const stacks = new Map<string, string>();
  if (!check('synth', `${label}: synthesizes`, r.status === 0, tail(r.out))) return stacks;
  const dir = path.join(outdir, 'stacks');
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const file = path.join(dir, name, 'cdk.tf.json');
    if (fs.existsSync(file)) stacks.set(name, file);
  }
  return stacks;
}

/** Writes the tier's slice of `doc` with a pg backend (schema `schema`) into a fresh folder. */
function writeSlice(doc: TerraformJson, tier: Tier, schema: string, label: string): { dir: string; slice: TerraformJson } | undefined {
  const { slice, foreign } = sliceTier(doc, tier);
  if (foreign.length > 0) {
    check(tier.name, `${label}: the ${tier.name} tier stands on its own`, false, `it references other tiers: ${foreign.join(', ')}`);
    return undefined;
  }
  slice.terraform = { ...(slice.terraform ?? {}), backend: { pg: { schema_name: schema } } };
  const dir = path.join(work, 'tf', label, tier.name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(slice, null, 2));
  // The provider build the setup could have may not be the version the bindings pin: an override
  // file (Terraform merges *_override.tf.json per provider) points the constraint at the build.
  const built = env[`PROVIDER_${tier.provider.toUpperCase()}`];
  const required = slice.terraform?.required_providers?.[tier.provider];
  if (built && required && required.version !== built) {
    fs.writeFileSync(path.join(dir, 'engines_override.tf.json'), JSON.stringify({ terraform: { required_providers: { [tier.provider]: { ...required, version: built } } } }, null, 2));
  }
  // Every variable without a default gets a value (credentials here are throwaway test values).
  const vars: Record<string, string> = {};
  for (const [name, v] of Object.entries<any>(slice.variable ?? {})) if (v.default === undefined) vars[name] = `engines-${name}`;
  fs.writeFileSync(path.join(dir, 'engines.auto.tfvars.json'), JSON.stringify(vars, null, 2));
  return { dir, slice };
}

/** The PostgreSQL schema that holds one slice's state. */
function schemaName(label: string): string {
  return `engines_${label}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
}

function dropSchema(schema: string) {
  run(path.join(env.PG_BIN, 'psql'), [env.PG_CONN_STR, '-qtAc', `drop schema if exists "${schema}" cascade`]);
}

/** Removes what an earlier, interrupted run may have left on the engine for this slice. */
function cleanEngine(slice: TerraformJson) {
  const res = slice.resource ?? {};
  for (const c of Object.values<any>(res.docker_container ?? {})) docker('rm', '-f', c.name);
  for (const n of Object.values<any>(res.docker_network ?? {})) docker('network', 'rm', n.name);
  for (const v of Object.values<any>(res.docker_volume ?? {})) docker('volume', 'rm', '-f', v.name);
}

/** init + validate + plan; returns whether all three succeeded. */
function initValidatePlan(dir: string, tier: string, label: string): boolean {
  const init = tf(dir, 'init', '-input=false', '-no-color');
  if (!check(tier, `${label}: terraform init (offline, pg backend)`, init.status === 0, tail(init.out))) return false;
  const validate = tf(dir, 'validate', '-no-color', '-json');
  let diags: any[] = [];
  try { diags = JSON.parse(validate.stdout).diagnostics ?? []; } catch { /* reported below */ }
  const errors = diags.filter((d) => d.severity === 'error');
  if (!check(tier, `${label}: terraform validate: 0 errors`, validate.status === 0 && errors.length === 0,
    errors.map((d) => `${d.summary}: ${d.detail ?? ''} ${d.address ?? ''}`).join('\n') || tail(validate.out))) return false;
  const plan = tf(dir, 'plan', '-input=false', '-no-color', '-out=tfplan');
  return check(tier, `${label}: terraform plan`, plan.status === 0, tail(plan.out));
}

/** `plan -detailed-exitcode` after apply: 0 is no changes. Returns the number of resources with changes. */
function replan(dir: string, tier: string, label: string): number {
  const r = tf(dir, 'plan', '-input=false', '-no-color', '-detailed-exitcode', '-out=replan');
  let changed = 0;
  let detail = tail(r.out);
  if (r.status === 2) {
    const show = tf(dir, 'show', '-json', 'replan');
    try {
      const changes = (JSON.parse(show.stdout).resource_changes ?? []).filter((c: any) => !(c.change.actions.length === 1 && c.change.actions[0] === 'no-op'));
      changed = changes.length;
      detail = changes.map((c: any) => `${c.address}: ${c.change.actions.join('+')} ${diffKeys(c.change.before, c.change.after).join(', ')}`).join('\n');
    } catch { changed = 1; }
  }
  tierStats(tier).replanChanges += changed;
  check(tier, `${label}: re-plan after apply shows no changes`, r.status === 0, r.status === 2 ? detail : tail(r.out));
  return changed;
}
function diffKeys(before: any, after: any): string[] {
  if (!before || !after) return [];
  return Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

// ---- proofs on the running Docker tier ----------------------------------------------------------------
function waitHealthy(names: string[], timeoutMs = 90_000): Map<string, string> {
  const status = new Map<string, string>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const n of names) {
      const i = inspect(n);
      status.set(n, i ? (i.State.Health?.Status ?? (i.State.Running ? 'running (no healthcheck)' : i.State.Status)) : 'absent');
    }
    if ([...status.values()].every((s) => s === 'healthy') || Date.now() > deadline) return status;
    sleep(2000);
  }
}

/** Proves each declared container's hardening from `docker inspect` (what the engine runs). */
function proveContainers(slice: TerraformJson, tier: string, label: string) {
  const containers = Object.values<any>(slice.resource?.docker_container ?? {});
  const s = tierStats(tier);
  s.declared += containers.length;
  const health = waitHealthy(containers.map((c) => c.name));
  for (const c of containers) {
    const i = inspect(c.name);
    const ok = check(tier, `${label}: ${c.name} is running and healthy`, i?.State?.Running === true && health.get(c.name) === 'healthy', `state ${health.get(c.name)}${i ? `; last probe: ${JSON.stringify(i.State.Health?.Log?.slice(-1)[0]?.Output ?? '')}` : ''}`);
    if (ok) s.healthy++;
    if (!i) continue;
    const hc = i.HostConfig;
    check(tier, `${label}: ${c.name} root filesystem is read-only`, hc.ReadonlyRootfs === (c.read_only === true) && hc.ReadonlyRootfs === true);
    check(tier, `${label}: ${c.name} drops all capabilities`, (hc.CapDrop ?? []).map((x: string) => x.toUpperCase()).some((x: string) => x === 'ALL' || x === 'CAP_ALL'), JSON.stringify(hc.CapDrop));
    check(tier, `${label}: ${c.name} runs with no-new-privileges`, (hc.SecurityOpt ?? []).some((o: string) => /^no-new-privileges([=:]true)?$/.test(o)), JSON.stringify(hc.SecurityOpt));
    check(tier, `${label}: ${c.name} is not privileged`, hc.Privileged === false);
    check(tier, `${label}: ${c.name} runs as the declared non-root user ${c.user}`, c.user === i.Config.User && !/^(0|root)(:|$)/.test(i.Config.User), `engine user ${JSON.stringify(i.Config.User)}`);
    check(tier, `${label}: ${c.name} memory limit ${c.memory} MiB`, hc.Memory === c.memory * 1024 * 1024, `engine ${hc.Memory} bytes`);
    if (c.cpu_quota !== undefined) {
      check(tier, `${label}: ${c.name} CPU limit ${c.cpu_quota}/${c.cpu_period} µs`, hc.CpuQuota === c.cpu_quota && hc.CpuPeriod === c.cpu_period, `engine ${hc.CpuQuota}/${hc.CpuPeriod}`);
    }
    if (c.pids_limit !== undefined) check(tier, `${label}: ${c.name} PIDs limit ${c.pids_limit}`, hc.PidsLimit === c.pids_limit, `engine ${hc.PidsLimit}`);
  }
}

/** From inside `container`, does an HTTP GET of `url` succeed? */
function reaches(container: string, url: string): { ok: boolean; out: string } {
  // busybox's `wget -T` crashes (SIGSEGV) in these images, so its own `timeout` bounds the request.
  const r = docker('exec', container, 'timeout', '5', 'wget', '-q', '-O', '-', url);
  return { ok: r.status === 0, out: tail(r.out, 3) };
}

function hostGet(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/healthz', timeout: 3000 }, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('timeout', () => { req.destroy(); resolve(false); });
    req.on('error', () => resolve(false));
  });
}

/**
 * A listener outside the Docker host: an HTTP server in the suite's own network namespace (made by
 * the setup script), the "outside" an internal network must not reach. It is a child process, since
 * the suite's event loop is blocked while it waits for `docker exec`.
 */
function outsideServer(): Promise<{ url: string; close: () => void }> {
  const child = spawn('ip', ['netns', 'exec', env.OUTSIDE_NETNS, process.execPath, '-e',
    `const s = require('http').createServer((q, r) => r.end('outside')); s.listen(0, '${env.OUTSIDE_IP}', () => console.log(s.address().port));`]);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve({ url: `http://${env.OUTSIDE_IP}:${Number(String(d).trim())}/`, close: () => child.kill() }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`outside server exited (${code})`)));
  });
}

async function proveNetworks(slice: TerraformJson, tier: string, label: string) {
  const res = slice.resource ?? {};
  const networks = Object.entries<any>(res.docker_network ?? {});
  const containers = Object.values<any>(res.docker_container ?? {});
  const netName = (ref: string) => {
    const m = /docker_network\.([^.]+)\./.exec(ref);
    return m ? res.docker_network[m[1]]?.name : ref;
  };
  const membersOf = new Map<string, string[]>();
  for (const c of containers) for (const n of c.networks_advanced ?? []) {
    const name = netName(n.name);
    membersOf.set(name, [...(membersOf.get(name) ?? []), c.name]);
  }
  const internal = new Set(networks.filter(([, n]) => n.internal === true).map(([, n]) => n.name));
  const gatewayOf = (net: string) => inspect(net)?.IPAM?.Config?.[0]?.Gateway;
  const ipOn = (c: string, net: string) => inspect(c)?.NetworkSettings?.Networks?.[net]?.IPAddress;

  // "Outside": beyond the Docker host. A container on an external network reaches it (the control),
  // one only on internal networks does not. (The host's own addresses are not "outside": Docker's
  // internal networks still route to the host itself; see the README.)
  const server = await outsideServer();
  try {
    for (const c of containers) {
      const nets = (c.networks_advanced ?? []).map((n: any) => netName(n.name));
      const onlyInternal = nets.length > 0 && nets.every((n: string) => internal.has(n));
      const r = reaches(c.name, server.url);
      if (onlyInternal) check(tier, `${label}: ${c.name} (internal network only) cannot reach outside the host (${server.url})`, !r.ok, r.out);
      else if (nets.some((n: string) => !internal.has(n))) check(tier, `${label}: control: ${c.name} (external network) reaches outside the host (${server.url})`, r.ok, r.out);
    }
  } finally { server.close(); }

  for (const [, n] of networks) {
    const members = membersOf.get(n.name) ?? [];
    if (members.length < 2) continue;
    const iccOff = n.options?.['com.docker.network.bridge.enable_icc'] === 'false';
    // Call the member whose port is known from the one that is not (orders-api's health check is a command).
    const byName = (name: string) => containers.find((c) => c.name === name);
    const b = members.find((m) => containerPort(byName(m)) !== undefined);
    const a = members.find((m) => m !== b);
    if (!a || !b) continue;
    const bIp = ipOn(b, n.name);
    const port = containerPort(byName(b));
    if (!bIp || !port) continue;
    const r = reaches(a, `http://${bIp}:${port}/healthz`);
    if (iccOff) check(tier, `${label}: ICC off on ${n.name}: ${a} cannot reach ${b} (${bIp}:${port})`, !r.ok, r.out);
    else check(tier, `${label}: ICC on ${n.name} (declared flow): ${a} reaches ${b} (${bIp}:${port})`, r.ok, r.out);
  }

  // Published ports answer on their bind address only.
  for (const c of containers) for (const p of c.ports ?? []) {
    const ip = /^\$\{/.test(String(p.ip)) ? inspect(c.name)?.HostConfig?.PortBindings?.[`${p.internal}/tcp`]?.[0]?.HostIp : p.ip;
    check(tier, `${label}: ${c.name} answers on ${ip}:${p.external}`, await hostGet(ip, p.external));
    const other = gatewayOf('bridge') ?? '172.17.0.1';
    if (other !== ip) check(tier, `${label}: ${c.name} does not answer on another host address (${other}:${p.external})`, !(await hostGet(other, p.external)));
  }
}
/** The port a container serves on, read from its health check (HTTP URL or TCP check), else its first published port. */
function containerPort(c: any): number | undefined {
  const test = (c?.healthcheck?.test ?? []).join(' ');
  const m = /127\.0\.0\.1[: ](\d+)/.exec(test) ?? /\/dev\/tcp\/127\.0\.0\.1\/(\d+)/.exec(test);
  return m ? Number(m[1]) : c?.ports?.[0]?.internal;
}

/** Tears a Docker slice down: protected resources leave the state first, then are removed by hand. */
function teardown(dir: string, slice: TerraformJson) {
  const state = tf(dir, 'state', 'list');
  for (const addr of state.stdout.split('\n').filter(Boolean)) {
    const [type, name] = addr.split('.');
    if (slice.resource?.[type]?.[name]?.lifecycle?.prevent_destroy === true) tf(dir, 'state', 'rm', addr);
  }
  tf(dir, 'destroy', '-auto-approve', '-input=false', '-no-color');
  cleanEngine(slice);
}

// ---- the suite ------------------------------------------------------------------------------------
async function dockerTier(label: string, doc: TerraformJson, opts: { teardown: boolean } = { teardown: true }) {
  const tier = TIERS.docker;
  const schema = schemaName(label);
  const w = writeSlice(doc, tier, schema, label);
  if (!w) return;
  if (Object.keys(w.slice.resource ?? {}).length === 0) return;
  tierStats('docker').stacks++;
  console.log(`\n[docker] ${label}`);
  cleanEngine(w.slice);
  dropSchema(schema);
  if (!initValidatePlan(w.dir, 'docker', label)) return;
  const apply = tf(w.dir, 'apply', '-input=false', '-no-color', '-auto-approve', 'tfplan');
  const ok = check('docker', `${label}: terraform apply`, apply.status === 0, tail(apply.out, 40));
  const applied = /Apply complete! Resources: (\d+) added/.exec(apply.stdout);
  tierStats('docker').applied += applied ? Number(applied[1]) : 0;
  if (ok) {
    proveContainers(w.slice, 'docker', label);
    await proveNetworks(w.slice, 'docker', label);
    replan(w.dir, 'docker', label);
    const protectedRes = Object.entries(w.slice.resource ?? {}).flatMap(([t, rs]) => Object.entries<any>(rs).filter(([, r]) => r.lifecycle?.prevent_destroy).map(([n]) => `${t}.${n}`));
    if (protectedRes.length > 0) {
      const d = tf(w.dir, 'plan', '-destroy', '-input=false', '-no-color');
      check('docker', `${label}: destroy is refused while ${protectedRes.join(', ')} is protected`, d.status !== 0 && /prevent_destroy/.test(d.out), tail(d.out));
    }
  }
  if (opts.teardown) teardown(w.dir, w.slice);
}

function planOnly(label: string, doc: TerraformJson, tier: Tier) {
  const unavailable = env[`PROVIDER_${tier.name.toUpperCase()}_UNAVAILABLE`];
  if (unavailable !== undefined) {
    const s = tierStats(tier.name);
    if (!s.notes.includes(unavailable)) s.notes.push(unavailable);
    return;
  }
  const w = writeSlice(doc, tier, schemaName(`${label}_${tier.name}`), label);
  if (!w || Object.keys(w.slice.resource ?? {}).length === 0) return;
  tierStats(tier.name).stacks++;
  console.log(`\n[${tier.name}] ${label}`);
  initValidatePlan(w.dir, tier.name, label);
}

async function scanGateScenario() {
  console.log('\n[docker] scan gate: an image that fails its scan');
  const file = synth('engines-scan-gate', 'test/engines/apps/scan-gate.ts').get('scan-gate');
  if (!file) return;
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const w = writeSlice(doc, TIERS.docker, 'engines_scan_gate', 'scan-gate');
  if (!w) return;
  cleanEngine(w.slice);
  dropSchema('engines_scan_gate');
  if (!initValidatePlan(w.dir, 'docker', 'scan-gate')) return;
  const apply = tf(w.dir, 'apply', '-input=false', '-no-color', '-auto-approve', 'tfplan');
  check('docker', 'scan-gate: apply fails when the scanner exits non-zero', apply.status !== 0 && /image-policy-scan: FAIL/.test(apply.out), tail(apply.out));
  check('docker', 'scan-gate: the gated container was not created', inspect('engines-rooty') === undefined);
  teardown(w.dir, w.slice);
}

/** A failed scan of a new digest leaves the running container up (the gate's guard): issue 13's scenario script. */
function scanGuardScenario() {
  console.log('\n[docker] scan gate: a new digest that fails its scan leaves the old container running');
  const dir = path.join(work, 'tf', 'scan-guard');
  fs.mkdirSync(dir, { recursive: true });
  const r = run('bash', [path.join(repo, 'test/engines/scan-gate-keeps-old-container.sh')], {
    env: { ...process.env, ENGINES_ENV: path.join(cache, 'engines.env'), SCENARIO_DIR: dir, CHECKPOINT_DISABLE: '1' },
  });
  check('docker', 'scan-guard: the old container keeps running and healthy after a failed scan of a new digest, then is replaced once the digest passes', r.status === 0, tail(r.out, 30));
}

async function dataSafetyScenario() {
  console.log('\n[docker] data safety: a protected volume, then the documented opt-out');
  const keep = synth('engines-data-keep', 'test/engines/apps/data-safety.ts').get('data-safety');
  const optOut = synth('engines-data-optout', 'test/engines/apps/data-safety.ts', { 'engines:optOut': true }).get('data-safety');
  if (!keep || !optOut) return;
  const w = writeSlice(JSON.parse(fs.readFileSync(keep, 'utf8')), TIERS.docker, 'engines_data_safety', 'data-safety');
  if (!w) return;
  cleanEngine(w.slice);
  dropSchema('engines_data_safety');
  if (!initValidatePlan(w.dir, 'docker', 'data-safety')) return;
  const apply = tf(w.dir, 'apply', '-input=false', '-no-color', '-auto-approve', 'tfplan');
  if (!check('docker', 'data-safety: the volume is created', apply.status === 0 && docker('volume', 'inspect', 'engines-data').status === 0, tail(apply.out))) return;
  tierStats('docker').applied += 1;
  const refused = tf(w.dir, 'destroy', '-auto-approve', '-input=false', '-no-color');
  check('docker', 'data-safety: destroying the protected volume is refused', refused.status !== 0 && /prevent_destroy/.test(refused.out), tail(refused.out));
  check('docker', 'data-safety: the volume survives the refused destroy', docker('volume', 'inspect', 'engines-data').status === 0);
  fs.writeFileSync(path.join(w.dir, 'cdk.tf.json'), JSON.stringify({ ...sliceTier(JSON.parse(fs.readFileSync(optOut, 'utf8')), TIERS.docker).slice, terraform: { ...JSON.parse(fs.readFileSync(path.join(w.dir, 'cdk.tf.json'), 'utf8')).terraform } }, null, 2));
  const same = tf(w.dir, 'plan', '-input=false', '-no-color', '-detailed-exitcode');
  check('docker', 'data-safety: the opt-out (RemovalPolicy.DESTROY) changes nothing on the volume itself', same.status === 0, tail(same.out));
  const destroy = tf(w.dir, 'destroy', '-auto-approve', '-input=false', '-no-color');
  check('docker', 'data-safety: with the opt-out, destroy removes the volume', destroy.status === 0 && docker('volume', 'inspect', 'engines-data').status !== 0, tail(destroy.out));
  cleanEngine(w.slice);
}

async function isolationScenario() {
  const file = synth('engines-isolation', 'test/engines/apps/isolation.ts').get('isolation');
  if (file) await dockerTier('isolation', JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Holds the pg state lock with one apply and shows that a second apply of the same state is refused. */
async function lockScenario() {
  console.log('\n[state] PostgreSQL backend: a concurrent apply is refused by the lock');
  const dir = path.join(work, 'tf', 'lock');
  fs.mkdirSync(dir, { recursive: true });
  const config = (seconds: number) => ({
    terraform: { backend: { pg: { schema_name: 'engines_lock' } } },
    resource: { terraform_data: { hold: { input: seconds, provisioner: [{ 'local-exec': { command: `sleep ${seconds}` } }] } } },
  });
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config(20), null, 2));
  dropSchema('engines_lock');
  const init = tf(dir, 'init', '-input=false', '-no-color');
  if (!check('state', 'lock: init with the pg backend', init.status === 0, tail(init.out))) return;
  const first = spawn(TF, ['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: dir, env: tfEnv });
  let firstOut = '';
  first.stdout.on('data', (d) => { firstOut += d; });
  first.stderr.on('data', (d) => { firstOut += d; });
  const firstDone = new Promise<number>((resolve) => first.on('close', (code) => resolve(code ?? 1)));
  const started = Date.now();
  while (!/Creating\.\.\./.test(firstOut) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 300));
  const second = tf(dir, 'apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s');
  check('state', 'lock: a second apply while the first holds the lock is refused', second.status !== 0 && /Error acquiring the state lock/i.test(second.out), tail(second.out));
  const code = await firstDone;
  check('state', 'lock: the first apply completes and its state is in PostgreSQL', code === 0 && /hold/.test(tf(dir, 'state', 'list').stdout), tail(firstOut));
  tf(dir, 'destroy', '-auto-approve', '-input=false', '-no-color');
  dropSchema('engines_lock');
}

function checkovScenario(files: Map<string, string>) {
  console.log('\n[checkov] Checkov as a peer over every example stack');
  let total = 0;
  let explained = 0;
  const unexplained: string[] = [];
  for (const [label, file] of files) {
    const r = checkovFindings(env.CHECKOV, file);
    if (!check('checkov', `${label}: checkov ran`, r.error === undefined, r.error)) continue;
    total += r.failed.length;
    // Checkov has Terraform checks for Kubernetes resources: a stack with some must get verdicts.
    if (/"kubernetes_(deployment|stateful_set|daemon_set|cron_job|job|pod)(_v1)?"/.test(fs.readFileSync(file, 'utf8'))) {
      check('checkov', `${label}: checkov evaluated the stack (${r.passed} passed, ${r.failed.length} failed checks)`, r.passed + r.failed.length > 0);
    }
    for (const f of r.failed) {
      const why = explainCheckov(f);
      if (why) explained++; else unexplained.push(`${label}: ${f.check_id} ${f.check_name} on ${f.resource}`);
    }
  }
  check('checkov', `every Checkov failure on our defaults is a documented exception (${explained}/${total})`, unexplained.length === 0, unexplained.join('\n'));
  const s = tierStats('checkov');
  s.notes.push(`${total} failed checks, ${explained} documented exceptions, ${unexplained.length} unexplained (checkov ${env.CHECKOV_VERSION})`);
}

async function main() {
  const t0 = Date.now();
  console.log(`engines: terraform ${tail(run(TF, ['version']).stdout, 99).split('\n')[0]}; docker provider ${env.PROVIDER_DOCKER ?? 'unavailable'}; work dir ${work}`);
  const only = process.argv.slice(2);
  const examples = fs.readdirSync(path.join(repo, 'examples'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(repo, 'examples', d.name, 'main.ts')))
    .map((d) => d.name).filter((n) => only.length === 0 || only.includes(n)).sort();
  const checkovFiles = new Map<string, string>();
  for (const example of examples) {
    console.log(`\n=== example ${example}`);
    // A template meant to be copied out of the repository imports the package by name; it is proven
    // by scripts/new-user.sh (installed from the packed tarball), and its images are placeholders.
    if (/from 'cdktf-hybrid'/.test(fs.readFileSync(path.join(repo, 'examples', example, 'main.ts'), 'utf8'))) {
      console.log(`  skip ${example}: imports the installed package (proven by scripts/new-user.sh)`);
      continue;
    }
    const stacks = synth(example, `examples/${example}/main.ts`);
    for (const [stack, file] of stacks) {
      const label = stacks.size > 1 ? `${example}/${stack}` : example;
      checkovFiles.set(label, file);
      const doc: TerraformJson = JSON.parse(fs.readFileSync(file, 'utf8'));
      await dockerTier(label.replace('/', '-'), doc);
      for (const tier of [TIERS.kubernetes, TIERS.vsphere, TIERS.hyperv, TIERS.virtualbox]) planOnly(label.replace('/', '-'), doc, tier);
    }
  }
  if (only.length === 0) {
    await isolationScenario();
    await scanGateScenario();
    scanGuardScenario();
    await dataSafetyScenario();
    await lockScenario();
    checkovScenario(checkovFiles);
  }

  console.log('\n=== engines summary');
  const d = tierStats('docker');
  console.log(`engines tier docker: ${d.stacks} stacks, ${d.applied} resources applied, ${d.replanChanges} changes on re-plan, ${d.healthy}/${d.declared} containers healthy, checks ${d.passed} passed / ${d.failed} failed`);
  for (const name of ['kubernetes', 'vsphere', 'hyperv', 'virtualbox']) {
    const s = tierStats(name);
    console.log(s.notes.length > 0
      ? `engines tier ${name}: NOT RUN — provider unavailable: ${s.notes.join('; ')}`
      : `engines tier ${name}: ${s.stacks} stacks validated and planned, checks ${s.passed} passed / ${s.failed} failed`);
  }
  const st = tierStats('state');
  console.log(`engines state (PostgreSQL backend): checks ${st.passed} passed / ${st.failed} failed`);
  const ck = tierStats('checkov');
  console.log(`engines checkov: ${ck.notes.join('; ') || 'not run'}; checks ${ck.passed} passed / ${ck.failed} failed`);
  if (failures.length > 0) console.log(`\nfailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  console.log(`engines suite took ${Math.round((Date.now() - t0) / 1000)} s`);
  console.log(`engines: ${passed} passed, ${failed} failed`);
  if (!process.env.ENGINES_KEEP) fs.rmSync(work, { recursive: true, force: true });
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
