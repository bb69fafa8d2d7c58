import * as fs from 'fs';
import * as path from 'path';
import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { IContainerNetwork } from '../../container/container-network';
import { HardenedContainer } from '../../container/hardened-container';
import { HardenedCronJob } from '../../kubernetes/hardened-cron-job';
import { HardenedDeployment } from '../../kubernetes/hardened-deployment';
import { HardenedStatefulSet } from '../../kubernetes/hardened-stateful-set';
import { HardenedWorkload } from '../../kubernetes/hardened-workload';
import { FindingStatus, PolicyFinding } from '../../policy/finding';
import { Policy, PolicySuppression } from '../../policy/suppressions';
import { VmHardening } from '../../vm/vsphere/hardening';
import { SecureVirtualMachine } from '../../vm/vsphere/secure-virtual-machine';
import type { HybridArchitecture, HybridReview, HybridWorkloadConstruct, NetworkFlow } from '../architecture';
import { display } from './display';
import { reviewOrder, TIER_ORDER } from './order';
import { CapacityPlan, TierCapacity, WorkloadFootprint } from '../capacity';
import { Placement, PlacementTarget } from '../placement';

/** File names of the review, next to cdk.tf.json. */
export const REVIEW_FILES = { markdown: 'review.md', json: 'review.json' };

const TIER_TITLES: Record<string, string> = {
  kubernetes: 'Kubernetes', docker: 'Docker', vsphere: 'vSphere', hyperv: 'Hyper-V', virtualbox: 'VirtualBox',
};

interface FindingRecord {
  readonly ruleId: string;
  readonly attribute?: string;
  readonly severity: string;
  readonly status: string;
  readonly resource: string;
  readonly suppressed: boolean;
  readonly reason?: string;
}

interface WorkloadRecord {
  readonly name: string;
  readonly construct: string;
  readonly tier: string;
  readonly kind: string;
  readonly placement: PlacementRecord;
  readonly advice: PlacementRecord;
  readonly override: { readonly explicit: boolean; readonly disagrees: boolean; readonly reason?: string };
  readonly controls: string[];
  readonly findings: FindingRecord[];
  readonly suppressions: Array<{ ruleId: string; reason: string; scope: string }>;
  readonly footprint: WorkloadFootprint;
  readonly resources: string[];
}

interface PlacementRecord {
  readonly target: string;
  readonly hypervisor?: string;
  readonly isolation: string;
  readonly sandboxed: boolean;
  readonly gpuScheduling: boolean;
  readonly rules: string[];
  readonly reasons: string[];
  readonly outranked: string[];
}

function placementRecord(p: Placement): PlacementRecord {
  return {
    target: p.target, hypervisor: p.hypervisor, isolation: p.isolation, sandboxed: p.sandboxed, gpuScheduling: p.gpuScheduling,
    rules: [...p.ruleIds], reasons: [...p.reasons], outranked: [...p.outranked],
  };
}

function kindOf(w: HybridWorkloadConstruct): string {
  const k = w.kubernetesWorkload;
  if (k instanceof HardenedCronJob) return 'CronJob';
  if (k instanceof HardenedStatefulSet) return 'StatefulSet';
  if (k instanceof HardenedDeployment) return 'Deployment';
  if (w.container !== undefined) return 'Container';
  return 'VirtualMachine';
}

/** The controls the construct applied, from its resolved values (control ids from RULES.md). */
function controlsOf(w: HybridWorkloadConstruct, show: (v: string) => string): string[] {
  const k = w.kubernetesWorkload;
  if (k !== undefined) return kubernetesControls(k, w, show);
  if (w.container !== undefined) return dockerControls(w.container, w, show);
  const vm = w.virtualMachine!;
  if (!(vm instanceof SecureVirtualMachine)) {
    return [`${vm.hypervisor}: the hypervisor backend's own hardening (see its construct)`];
  }
  const hardening = [...new Set(VmHardening.extraConfigSettings().map((s) => s.controlId))];
  const controls = [
    `${hardening.length} extra_config hardening controls (${hardening.join(', ')})`,
    vm.secureBoot ? 'VM-EFI-SECUREBOOT: EFI firmware with Secure Boot' : 'VM-EFI-SECUREBOOT: off (reported)',
    `VM-HW-VERSION: hardware version ${vm.hardwareVersion}`,
    'VM-DISK-PERSISTENT, VM-NO-CDROM, VM-NO-HOTADD, VM-LOGGING by default',
  ];
  if (vm.vtpm) controls.push('VM-VTPM: virtual TPM 2.0');
  if (vm.pciPassthroughEnabled) controls.push(`PT-*: passthrough profile (PT-FULL-MEM-RESERVATION ${vm.memoryReservationMiB} MiB, PT-HOST-PINNED, PT-64BIT-MMIO, PT-NO-MIGRATION, PT-NO-HA)`);
  if (w.vmSegment) controls.push(`NET-DVPG-*: on ${w.vmSegment.segment.enforcement}`);
  return controls;
}

function kubernetesControls(k: HardenedWorkload, w: HybridWorkloadConstruct, show: (v: string) => string): string[] {
  const ns = w.architecture._namespaceDisplayName();
  const controls = [
    `K8S-PSA-LABELS: namespace ${ns} enforces Pod Security "restricted"`,
    `K8S-NETPOL-DEFAULT-DENY: default deny in ${ns}; NetworkPolicy ${k.workloadName} admits only the declared flows`,
    `K8S-RUNASNONROOT: uid ${show(String(k.runAsUser))}, gid ${show(String(k.runAsGroup))}`,
    k.readOnlyRootFilesystem ? 'K8S-READONLY-ROOTFS: read-only root filesystem' : 'K8S-READONLY-ROOTFS: off (reported)',
    `K8S-CAPS-DROP-ALL: drop ALL${k.addNetBindService ? ', add NET_BIND_SERVICE' : ''}`,
    'K8S-NO-PRIV-ESC, K8S-SECCOMP (RuntimeDefault)',
    k.automountServiceAccountToken ? 'K8S-SA-TOKEN: token mounted (reported)' : 'K8S-SA-TOKEN: no API token mounted',
    'K8S-RESOURCES: requests and limits on every container',
  ];
  if (k.spec.image.isPinned) controls.push('K8S-IMAGE-DIGEST: image pinned by digest');
  if (k.runtimeClassName !== undefined) controls.push(`K8S-RUNTIMECLASS: sandboxed RuntimeClass ${show(k.runtimeClassName)}`);
  if (k.gpus > 0) controls.push(`PT-K8S-GPU: ${k.gpus} ${k.gpuResourceName} from the device plugin, pod stays restricted`);
  return controls;
}

function dockerControls(c: HardenedContainer, w: HybridWorkloadConstruct, show: (v: string) => string): string[] {
  const names = new Map<IContainerNetwork, string>(w.architecture._dockerNetworks());
  const networks = c.networks.map((n) => names.get(n) ?? show(n.networkName));
  const controls = [
    c.readOnlyRootFilesystem ? 'DOCKER-READONLY-ROOTFS: read-only root filesystem' : 'DOCKER-READONLY-ROOTFS: off (reported)',
    `DOCKER-NONROOT-USER: ${show(c.user)}`,
    `DOCKER-CAPS-DROP-ALL: drop ALL${c.addCapabilities.length > 0 ? `, add ${c.addCapabilities.join(', ')}` : ''}`,
    'DOCKER-NO-NEW-PRIVILEGES, DOCKER-SECCOMP (default profile)',
    `DOCKER-MEMORY-LIMIT: ${c.memoryMiB} MiB; DOCKER-CPU-LIMIT: ${c.cpus} CPU`,
    networks.length > 0 ? `DOCKER-NO-DEFAULT-BRIDGE: networks ${networks.join(', ')}` : 'DOCKER-NO-DEFAULT-BRIDGE: no network (network_mode none)',
    'image pulled by digest from an allowed registry (DOCKER-IMAGE-PINNED) and scanned before start (scan gate)',
  ];
  if ((w.containerOptions?.publishedPorts ?? []).length > 0) controls.push(`DOCKER-BIND-HOST-IP: published on ${show(c.defaultHostIp)} unless a port names its own address`);
  return controls;
}

function findingRecord(f: PolicyFinding): FindingRecord {
  return {
    ruleId: f.ruleId, ...(f.attributePath !== undefined ? { attribute: f.attributePath } : {}), severity: f.severity, status: f.status,
    resource: f.resourceAddress, suppressed: f.suppressed,
    ...(f.suppressed ? { reason: f.suppressionReason } : {}),
  };
}

function below(scope: IConstruct, constructPath: string | undefined): boolean {
  return constructPath !== undefined && (constructPath === scope.node.path || constructPath.startsWith(`${scope.node.path}/`));
}

function suppressionsBelow(scope: IConstruct): Array<{ ruleId: string; reason: string; scope: string }> {
  const seen = new Map<string, PolicySuppression>();
  for (const c of scope.node.findAll()) {
    for (const s of Policy.suppressionsFor(c)) {
      if (!below(scope, s.scopePath) && s.scopePath !== scope.node.path) continue;
      seen.set(`${s.scopePath}\u0000${s.ruleId}`, s);
    }
  }
  return [...seen.values()].map((s) => ({ ruleId: s.ruleId, reason: s.reason, scope: s.scopePath }));
}

function addresses(scope: IConstruct): string[] {
  return scope.node.findAll().filter((c): c is TerraformResource => TerraformResource.isTerraformResource(c))
    .map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`);
}

/** Node id of a workload in the diagram: its construct id, made safe. */
function nodeId(w: HybridWorkloadConstruct): string {
  return `w_${w.node.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Text inside a quoted Mermaid label. */
function label(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'));
}

function mib(n: number): string {
  return n >= 1024 && n % 1024 === 0 ? `${n / 1024} GiB` : `${n} MiB`;
}

function cpu(millicores: number): string {
  return millicores % 1000 === 0 ? `${millicores / 1000}` : `${millicores}m`;
}

function shapeOf(w: HybridWorkloadConstruct, fp: WorkloadFootprint): string {
  const k = w.kubernetesWorkload;
  if (k instanceof HardenedDeployment || k instanceof HardenedStatefulSet) {
    const a = k.autoscaling;
    return a ? `${a.minReplicas ?? 2}-${a.maxReplicas} replicas` : `${k.replicas ?? 1} replica(s)`;
  }
  if (k instanceof HardenedCronJob) return `schedule ${k.schedule}`;
  if (w.container !== undefined) return `${w.container.cpus} CPU, ${w.container.memoryMiB} MiB`;
  return `${fp.cpuLimitMillicores / 1000} vCPU, ${mib(w.virtualMachine!.spec.memoryMiB)}`;
}

/** The Mermaid flowchart: tiers as subgraphs (VM segments nested), workloads as nodes, flows as edges. */
function mermaid(arch: HybridArchitecture, workloads: HybridWorkloadConstruct[], flows: NetworkFlow[], footprints: Map<HybridWorkloadConstruct, WorkloadFootprint>): string {
  const lines = ['flowchart LR'];
  const node = (w: HybridWorkloadConstruct) => {
    const parts = [w.workloadName, `${kindOf(w)} · ${shapeOf(w, footprints.get(w)!)}`, `${w.placement.isolation.toLowerCase().replace(/_/g, ' ')} isolation`];
    if (w.placementOverridden) parts.push('placement overridden');
    const text = parts.map(label).join('<br/>');
    if (w.virtualMachine !== undefined) return `${nodeId(w)}[("${text}")]`;
    if (w.kubernetesWorkload?.runtimeClassName !== undefined) return `${nodeId(w)}[["${text}"]]`;
    return `${nodeId(w)}["${text}"]`;
  };
  for (const tier of TIER_ORDER) {
    const members = workloads.filter((w) => w.tier === tier);
    if (members.length === 0) continue;
    const title = tier === 'kubernetes' ? `Kubernetes · namespace ${arch._namespaceDisplayName()}`
      : tier === 'docker' ? `Docker host · networks ${arch._dockerNetworkNames().join(', ') || 'none'}` : TIER_TITLES[tier];
    lines.push(`  subgraph tier_${tier}["${label(title)}"]`);
    lines.push('    direction TB');
    const bySegment = new Map<string, HybridWorkloadConstruct[]>();
    for (const w of members) {
      const key = w.vmSegment ? w.vmSegment.segment.segmentName : '';
      bySegment.set(key, [...(bySegment.get(key) ?? []), w]);
    }
    let s = 0;
    for (const [segment, items] of bySegment) {
      if (segment === '') {
        for (const w of items) lines.push(`    ${node(w)}`);
        continue;
      }
      const seg = items[0].vmSegment!.segment;
      lines.push(`    subgraph seg_${tier}_${s++}["${label(`${seg.segmentName} · VLAN ${seg.vlanId}`)}"]`);
      for (const w of items) lines.push(`      ${node(w)}`);
      lines.push('    end');
    }
    lines.push('  end');
  }
  const published = workloads.filter((w) => (w.containerOptions?.publishedPorts ?? []).length > 0);
  if (published.length > 0) lines.push('  clients(("clients"))');
  for (const w of published) {
    for (const p of w.containerOptions!.publishedPorts!) {
      lines.push(`  clients -->|"${label(`host ${p.hostPort ?? 'any'} → ${p.containerPort}`)}"| ${nodeId(w)}`);
    }
  }
  // Peers in another architecture (another stack) are drawn outside the tiers.
  const byName = new Map(workloads.map((w) => [w.workloadName, nodeId(w)]));
  const external = [...new Set(flows.flatMap((f) => [f.from, f.to]).filter((name) => !byName.has(name)))];
  external.forEach((name, i) => {
    byName.set(name, `x_${i}`);
    lines.push(`  x_${i}[/"${label(name)}<br/>in another stack"/]`);
  });
  for (const f of flows) {
    const open = f.sides.filter((s) => !s.enforced).length;
    const text = label(`${f.port}/${f.protocol}${open > 0 ? ` · ${open} side(s) not enforced` : ' · enforced'}`);
    lines.push(`  ${byName.get(f.from)} ${open > 0 ? '-.->' : '==>'}|"${text}"| ${byName.get(f.to)}`);
  }
  return lines.join('\n') + '\n';
}

function capacityRow(t: TierCapacity): string {
  const capacity = t.capacityCpuMillicores !== undefined ? `${cpu(t.capacityCpuMillicores)} CPU, ${mib(t.capacityMemoryMiB!)}` : 'not declared';
  const ratios = t.cpuOvercommit !== undefined ? `${t.cpuOvercommit}:1 / ${t.memoryOvercommit}:1` : '-';
  return `| ${t.tier} | ${t.workloads} | ${t.instances} | ${cpu(t.cpuRequestMillicores)} / ${cpu(t.cpuLimitMillicores)} | `
    + `${mib(t.memoryRequestMiB)} / ${mib(t.memoryLimitMiB)} | ${mib(t.memoryReservationMiB)} | ${t.diskGiB} GiB | `
    + `${cpu(t.overheadCpuMillicores)} CPU, ${mib(t.overheadMemoryMiB)} | ${capacity} | ${ratios} |`;
}

function placementText(p: PlacementRecord): string {
  const where = p.target === PlacementTarget.VIRTUAL_MACHINE ? `VM on ${TIER_TITLES[p.hypervisor!.toLowerCase()]}` : p.target === PlacementTarget.KUBERNETES ? 'Kubernetes' : 'Docker';
  const extras = [p.sandboxed ? 'sandboxed RuntimeClass' : '', p.gpuScheduling ? 'GPU scheduling' : ''].filter((e) => e !== '');
  return `${where}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

/** Builds review.md, review.json and the Mermaid diagram: deterministic, workloads by tier then name, flows as declared. */
export function renderReview(arch: HybridArchitecture, stack: TerraformStack, records: HybridWorkloadConstruct[], flows: NetworkFlow[], plan: CapacityPlan): HybridReview {
  const show = (v: string) => display(arch, v);
  const ordered = [...records].sort(reviewOrder);
  const footprints = new Map(ordered.map((w) => [w, plan.workloads.find((f) => f.workloadName === w.workloadName)!]));
  const findings = arch.policyChecks.findings;
  const used = new Set<PolicyFinding>();
  const workloadRecords: WorkloadRecord[] = ordered.map((w) => {
    const mine = findings.filter((f) => below(w, f.constructPath));
    mine.forEach((f) => used.add(f));
    return {
      name: w.workloadName,
      construct: w.node.path,
      tier: w.tier,
      kind: kindOf(w),
      placement: placementRecord(w.placement),
      advice: placementRecord(w.advisedPlacement),
      override: { explicit: w.placement.ruleIds.includes('EXPLICIT'), disagrees: w.placementOverridden, ...(w.placementReason ? { reason: w.placementReason } : {}) },
      controls: controlsOf(w, show),
      findings: mine.map(findingRecord),
      suppressions: suppressionsBelow(w),
      footprint: footprints.get(w)!,
      resources: addresses(w),
    };
  });
  const infraFindings = findings.filter((f) => !used.has(f) && below(arch, f.constructPath)).map(findingRecord);
  const otherFindings = findings.filter((f) => !used.has(f) && !below(arch, f.constructPath)).map(findingRecord);
  const unenforced = flows.flatMap((f) => f.sides.filter((s) => !s.enforced).map((s) => ({ flow: `${f.from} → ${f.to} ${f.port}/${f.protocol}`, side: s.side, detail: s.detail })));
  const allFindings = [...workloadRecords.flatMap((w) => w.findings), ...infraFindings, ...otherFindings];
  const summary = {
    workloads: workloadRecords.length,
    flows: flows.length,
    unenforceableSides: unenforced.length,
    overrides: workloadRecords.filter((w) => w.override.disagrees).length,
    findings: allFindings.length,
    unsuppressedFailures: allFindings.filter((f) => !f.suppressed && f.status === FindingStatus.FAIL).length,
    suppressed: allFindings.filter((f) => f.suppressed).length,
  };
  const diagram = mermaid(arch, ordered, flows, footprints);
  const infrastructure = {
    kubernetesNamespace: arch._namespaceDisplayName(),
    dockerNetworks: arch._dockerNetworkNames(),
    vmSegments: arch._segments().map((s) => ({ name: s.segment.segmentName, vlanId: s.segment.vlanId, hypervisor: s.hypervisor, enforcement: s.segment.enforcement })),
    findings: infraFindings,
  };
  const data = {
    stack: stack.node.id,
    architecture: arch.node.path,
    summary,
    workloads: workloadRecords,
    flows: flows.map((f) => ({ ...f })),
    unenforceable: unenforced,
    infrastructure,
    otherFindings,
    capacity: plan,
    mermaid: diagram,
  };
  const json = JSON.stringify(data, undefined, 2) + '\n';

  const md: string[] = [];
  md.push(`# Architecture review: ${stack.node.id}`, '');
  md.push(`${summary.workloads} workloads, ${summary.flows} flows (${summary.unenforceableSides} flow sides not enforceable by the platform), `
    + `${summary.overrides} placement override(s) against the advice, ${summary.findings} policy findings (${summary.unsuppressedFailures} unsuppressed failures, ${summary.suppressed} suppressed). `
    + `Generated by cdktf-hybrid from \`${arch.node.path}\`; the same data is in review.json.`, '');
  md.push('## Topology', '', '```mermaid', diagram.trimEnd(), '```', '');
  md.push('Thick arrows: the flow is enforced on every side. Dotted arrows: at least one side cannot be enforced by the platform (listed under "Not enforceable"). '
    + 'Anything not drawn is denied: Kubernetes namespaces deny by default, Docker containers share a network only with the peers they are connected to, VMs sit on their own VLAN segment.', '');
  md.push('## Workloads', '', '| Workload | Runs on | Kind | Isolation | Decided by | Advice agrees | Instances | Findings |', '|---|---|---|---|---|---|---|---|');
  for (const w of workloadRecords) {
    const open = w.findings.filter((f) => !f.suppressed).length;
    md.push(`| ${w.name} | ${placementText(w.placement)} | ${w.kind} | ${w.placement.isolation} | ${w.placement.rules.join(', ')} | ${w.override.disagrees ? `**no** (advice: ${placementText(w.advice)})` : 'yes'} | ${w.footprint.instances} | ${open} open, ${w.findings.length - open} suppressed |`);
  }
  md.push('');
  for (const w of workloadRecords) {
    md.push(`### ${w.name}`, '');
    md.push(`- **Placement:** ${placementText(w.placement)}, ${w.kind}, isolation ${w.placement.isolation}. Construct \`${w.construct}\`.`);
    md.push('- **Why:**');
    w.placement.reasons.forEach((r, i) => md.push(`  - ${w.placement.rules[i]}: ${r}`));
    if (w.override.disagrees) {
      md.push(`- **Override:** the advisor said ${placementText(w.advice)} (${w.advice.rules.join(', ')}: ${w.advice.reasons.join('; ')}); placed on ${placementText(w.placement)} instead. Reason given: ${w.override.reason ?? '-'}.`);
    }
    if (w.placement.outranked.length > 0) md.push(`- **Also matched:** ${w.placement.outranked.join('; ')}.`);
    md.push('- **Controls applied:**');
    for (const c of w.controls) md.push(`  - ${c}`);
    md.push(`- **Policy findings:** ${w.findings.length === 0 ? 'none' : ''}`);
    for (const f of w.findings) md.push(`  - \`${f.ruleId}\` ${f.severity} ${f.status} on \`${f.resource}\`${f.attribute ? ` (\`${f.attribute}\`)` : ''}${f.suppressed ? ` (suppressed: ${f.reason})` : ''}`);
    md.push(`- **Suppressions:** ${w.suppressions.length === 0 ? 'none' : ''}`);
    for (const s of w.suppressions) md.push(`  - \`${s.ruleId}\` on \`${s.scope}\`: ${s.reason}`);
    const fp = w.footprint;
    md.push(`- **Footprint:** ${fp.instances} instance(s); CPU ${cpu(fp.cpuRequestMillicores)} requested / ${cpu(fp.cpuLimitMillicores)} limit; memory ${mib(fp.memoryRequestMiB)} / ${mib(fp.memoryLimitMiB)}`
      + `${fp.memoryReservationMiB > 0 ? ` (${mib(fp.memoryReservationMiB)} reserved)` : ''}; disk ${fp.diskGiB} GiB; overhead ${cpu(fp.overheadCpuMillicores)} CPU, ${mib(fp.overheadMemoryMiB)}, ${fp.overheadDiskGiB} GiB disk`
      + `${fp.instancesPerHost !== undefined ? `; ${fp.instancesPerHost} per host` : ''}.`);
    md.push(`- **Terraform resources:** ${w.resources.map((a) => `\`${a}\``).join(', ')}`, '');
  }
  md.push('## Flows', '', '| From | To | Port | Caller connects to | Enforced | Not enforced |', '|---|---|---|---|---|---|');
  for (const f of flows) {
    md.push(`| ${f.from} | ${f.to} | ${f.port}/${f.protocol} | \`${f.address}\` | ${f.sides.filter((s) => s.enforced).map((s) => `${s.side}: ${s.detail}`).join('<br/>') || '-'} | `
      + `${f.sides.filter((s) => !s.enforced).map((s) => s.side).join('<br/>') || '-'} |`);
  }
  if (flows.length === 0) md.push('| - | - | - | - | - | - |');
  md.push('', '## Not enforceable', '');
  if (unenforced.length === 0) md.push('Every side of every flow is enforced by a platform rule.');
  for (const u of unenforced) md.push(`- **${u.flow}**, ${u.side}: ${u.detail}.`);
  md.push('', '## Capacity plan', '');
  md.push('| Tier | Workloads | Instances | CPU request / limit | Memory request / limit | Reserved | Disk | Overhead | Declared capacity | Over-commit CPU / memory |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const t of [...plan.tiers, plan.total]) md.push(capacityRow(t));
  md.push('', `Ceilings: CPU ${plan.maxCpuOvercommit}:1, memory ${plan.maxMemoryOvercommit}:1 (limits against physical capacity; requests and reservations must fit 1:1).`, '');
  md.push('| Workload | Tier | Per instance CPU limit | Per instance memory limit | Overhead share of memory | Instances per host |', '|---|---|---|---|---|---|');
  for (const fp of plan.workloads) {
    const share = fp.memoryLimitMiB > 0 ? Math.round((fp.overheadMemoryMiB / fp.memoryLimitMiB) * 100) : 0;
    md.push(`| ${fp.workloadName} | ${fp.tier} | ${cpu(Math.round(fp.cpuLimitMillicores / fp.instances))} | ${mib(Math.round(fp.memoryLimitMiB / fp.instances))} | ${share}% | ${fp.instancesPerHost ?? 'not declared'} |`);
  }
  const o = plan.guestOsOverhead;
  md.push('', `Overhead model: a VM's guest OS uses ${o.linuxMemoryMiB} MiB / ${o.linuxCpuMillicores}m CPU / ${o.linuxDiskGiB} GiB (Linux) or ${o.windowsMemoryMiB} MiB / ${o.windowsCpuMillicores}m / ${o.windowsDiskGiB} GiB (Windows) `
    + `inside its size, plus ${o.hypervisorMemoryMiB} MiB hypervisor memory outside it; a container instance costs ${o.containerMemoryMiB} MiB of runtime memory.`, '');
  md.push('## Other findings', '');
  const rest = [...infraFindings, ...otherFindings];
  if (rest.length === 0) md.push('None outside the workloads.');
  for (const f of rest) md.push(`- \`${f.ruleId}\` ${f.severity} ${f.status} on \`${f.resource}\`${f.attribute ? ` (\`${f.attribute}\`)` : ''}${f.suppressed ? ` (suppressed: ${f.reason})` : ''}`);
  return { markdown: md.join('\n') + '\n', json, mermaid: diagram };
}

/** Writes review.md and review.json of `arch` into `directory`. */
export function writeReview(arch: HybridArchitecture, directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  const review = arch.renderReview();
  fs.writeFileSync(path.join(directory, REVIEW_FILES.markdown), review.markdown);
  fs.writeFileSync(path.join(directory, REVIEW_FILES.json), review.json);
}
