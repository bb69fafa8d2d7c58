// Scale of the policy CLI (`cdktf-hybrid check`) on large Terraform JSON: times a check of 20k, 40k and
// 100k resources (a quarter each namespaces, deployments, network policies and resource quotas, every
// namespaced resource in its own namespace, so the namespace lookups are exercised) and prints the time
// per 1,000 resources, which stays flat when the check is linear. Not a timed test: run it with
//   npx ts-node --swc --prefer-ts-exts bench/cli-scale.ts [sizes...]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../lib/policy/cli';

const DIGEST = `sha256:${'c'.repeat(64)}`;

/** A pod that meets most rules, so the report stays small and the time is the check's. */
const POD = {
  automount_service_account_token: false, service_account_name: 'app', host_network: false, host_pid: false, host_ipc: false,
  security_context: { run_as_non_root: true, run_as_user: 10001, run_as_group: 10001, fs_group: 10001, seccomp_profile: { type: 'RuntimeDefault' } },
  container: [{
    name: 'app', image: `registry.example/app@${DIGEST}`, image_pull_policy: 'Always',
    resources: { limits: { cpu: '500m', memory: '256Mi', 'ephemeral-storage': '1Gi' }, requests: { cpu: '250m', memory: '128Mi', 'ephemeral-storage': '512Mi' } },
    security_context: {
      allow_privilege_escalation: false, privileged: false, read_only_root_filesystem: true, run_as_non_root: true, run_as_user: 10001, run_as_group: 10001,
      capabilities: { drop: ['ALL'] }, seccomp_profile: { type: 'RuntimeDefault' },
    },
    liveness_probe: { http_get: { path: '/healthz', port: 8080 } }, readiness_probe: { http_get: { path: '/ready', port: 8080 } },
  }],
};

function stack(size: number): object {
  const quarter = Math.ceil(size / 4);
  const resource: Record<string, Record<string, unknown>> = {
    kubernetes_namespace_v1: {}, kubernetes_deployment_v1: {}, kubernetes_network_policy_v1: {}, kubernetes_resource_quota_v1: {},
  };
  for (let i = 0; i < quarter; i++) {
    const ns = `\${kubernetes_namespace_v1.ns${i}.metadata[0].name}`;
    resource.kubernetes_namespace_v1[`ns${i}`] = { metadata: { name: `team-${i}`, labels: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.29' } } };
    resource.kubernetes_deployment_v1[`app${i}`] = {
      metadata: { name: `app-${i}`, namespace: ns },
      spec: { template: { metadata: { labels: { app: `app-${i}` } }, spec: POD } },
    };
    resource.kubernetes_network_policy_v1[`deny${i}`] = { metadata: { name: 'default-deny', namespace: ns }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } };
    resource.kubernetes_resource_quota_v1[`quota${i}`] = { metadata: { name: 'quota', namespace: ns }, spec: { hard: { pods: '10' } } };
  }
  return { resource };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-hybrid-cli-scale-'));
const rows: Array<Record<string, number>> = [];
for (const size of sizes.length > 0 ? sizes : [20_000, 40_000, 100_000]) {
  const file = path.join(dir, `scale-${size}.tf.json`);
  fs.writeFileSync(file, JSON.stringify(stack(size)));
  let out = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const code = main(['check', '--format', 'json', file], { out: (t) => { out += t.length; }, err: (t) => process.stderr.write(t) });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rows.push({ resources: size, 'exit code': code, 'wall (ms)': Math.round(ms), 'cpu (ms)': Math.round(cpuMs), 'cpu ms per 1k resources': Math.round((cpuMs / size) * 1000), 'report (bytes)': out });
  fs.rmSync(file);
}
console.table(rows);
