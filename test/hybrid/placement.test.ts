import * as fs from 'fs';
import * as path from 'path';
import { Errors, Hypervisor, IsolationLevel, PlacementAdvisor, PlacementTarget, WorkloadRequirements } from '../../lib';

const VM = PlacementTarget.VIRTUAL_MACHINE;
const K8S = PlacementTarget.KUBERNETES;
const DOCKER = PlacementTarget.DOCKER;

// Every row of the decision table: an input that triggers it, where it goes, and the reason it records.
const ROWS: Array<[string, WorkloadRequirements, PlacementTarget, RegExp, Hypervisor | undefined]> = [
  ['PLACE-FULL-OS', { fullOperatingSystem: true }, VM, /full operating system/, Hypervisor.VSPHERE],
  ['PLACE-WINDOWS', { windows: true }, VM, /Windows: containers share the Linux host kernel/, Hypervisor.VSPHERE],
  ['PLACE-KERNEL', { customKernel: true }, VM, /own kernel or kernel modules/, Hypervisor.VSPHERE],
  ['PLACE-SNAPSHOTS', { machineSnapshots: true }, VM, /snapshots of the whole machine/, Hypervisor.VSPHERE],
  ['PLACE-PASSTHROUGH', { devicePassthrough: true }, VM, /whole device passed through/, Hypervisor.VSPHERE],
  ['PLACE-TENANT-ISOLATION', { tenantIsolation: true }, VM, /hypervisor-grade isolation between tenants/, Hypervisor.VSPHERE],
  ['PLACE-HYPERV', { windows: true, windowsEcosystem: true }, VM, /Windows ecosystem .*Hyper-V/, Hypervisor.HYPERV],
  ['PLACE-VIRTUALBOX', { customKernel: true, lab: true }, VM, /developer or test lab machine: VirtualBox/, Hypervisor.VIRTUALBOX],
  ['PLACE-VSPHERE', { fullOperatingSystem: true }, VM, /enterprise VM: vSphere/, Hypervisor.VSPHERE],
  ['PLACE-SANDBOX', { untrustedCode: true }, K8S, /untrusted or multi-tenant code .*sandboxed RuntimeClass/, undefined],
  ['PLACE-GPU', { gpus: 1 }, K8S, /shares GPUs through the device plugin/, undefined],
  ['PLACE-SCALE-OUT', { replicas: 3 }, K8S, /scaled, self-healing service/, undefined],
  ['PLACE-SINGLE-HOST', { singleHost: true }, DOCKER, /single host: Docker/, undefined],
  ['PLACE-EDGE', { edge: true }, DOCKER, /at the edge: Docker/, undefined],
  ['PLACE-LAB', { lab: true }, DOCKER, /lab stack: Docker/, undefined],
  ['PLACE-STARTUP', { startupSensitive: true }, DOCKER, /start-up sensitive: a container on Docker/, undefined],
  ['PLACE-DEFAULT', {}, K8S, /no special need: Kubernetes by default/, undefined],
];

describe('PlacementAdvisor decision table', () => {
  test('the test covers every row of the table, in table order', () => {
    expect(ROWS.map(([id]) => id)).toEqual(PlacementAdvisor.decisionTable().map((r) => r.ruleId));
  });

  test.each(ROWS)('%s: %j → %s, with its reason', (ruleId, requirements, target, reason, hypervisor) => {
    const placement = PlacementAdvisor.advise(requirements);
    expect(placement.target).toBe(target);
    expect(placement.hypervisor).toBe(hypervisor);
    expect(placement.ruleIds).toContain(ruleId);
    const reasonText = placement.reasons[placement.ruleIds.indexOf(ruleId)];
    expect(reasonText).toMatch(reason);
    expect(reasonText).toBe(PlacementAdvisor.decisionTable().find((r) => r.ruleId === ruleId)!.reason);
    expect(placement.isolation).toBe(target === VM ? IsolationLevel.HYPERVISOR
      : ruleId === 'PLACE-SANDBOX' ? IsolationLevel.SANDBOXED_KERNEL : IsolationLevel.SHARED_KERNEL);
  });

  test('scaleOut without replicas is the scale-out row too', () => {
    expect(PlacementAdvisor.advise({ scaleOut: true }).ruleIds).toEqual(['PLACE-SCALE-OUT']);
  });

  test('the sandbox row turns the sandbox on, the GPU row GPU scheduling; both can decide together', () => {
    const p = PlacementAdvisor.advise({ untrustedCode: true, gpus: 2 });
    expect(p).toMatchObject({ target: K8S, sandboxed: true, gpuScheduling: true, ruleIds: ['PLACE-SANDBOX', 'PLACE-GPU'], isolation: IsolationLevel.SANDBOXED_KERNEL });
    expect(PlacementAdvisor.advise({ gpus: 1 })).toMatchObject({ sandboxed: false, gpuScheduling: true });
  });

  test('a VM row outranks the container rows, and the outranked rows are recorded', () => {
    const p = PlacementAdvisor.advise({ machineSnapshots: true, edge: true, replicas: 2 });
    expect(p.target).toBe(VM);
    expect(p.ruleIds).toEqual(['PLACE-SNAPSHOTS', 'PLACE-VSPHERE']);
    expect(p.outranked).toEqual(['PLACE-SCALE-OUT (KUBERNETES) outranked by PLACE-SNAPSHOTS', 'PLACE-EDGE (DOCKER) outranked by PLACE-SNAPSHOTS']);
  });

  test('untrusted code on an edge box still goes to the sandbox: Docker has no sandboxed runtime', () => {
    const p = PlacementAdvisor.advise({ untrustedCode: true, edge: true });
    expect(p).toMatchObject({ target: K8S, sandboxed: true, outranked: ['PLACE-EDGE (DOCKER) outranked by PLACE-SANDBOX'] });
  });

  test('every matching VM row is a reason, in table order', () => {
    expect(PlacementAdvisor.advise({ devicePassthrough: true, windows: true }).ruleIds).toEqual(['PLACE-WINDOWS', 'PLACE-PASSTHROUGH', 'PLACE-VSPHERE']);
  });

  test('windowsEcosystem alone does not make a VM; the note says so', () => {
    const p = PlacementAdvisor.advise({ windowsEcosystem: true });
    expect(p.target).toBe(K8S);
    expect(p.outranked).toEqual(['PLACE-HYPERV (VIRTUAL_MACHINE) not applied: windowsEcosystem only picks the hypervisor of a VM']);
  });

  test('deterministic: the same requirements give the same placement', () => {
    const r: WorkloadRequirements = { tenantIsolation: true, lab: true, startupSensitive: true };
    expect(PlacementAdvisor.advise(r)).toEqual(PlacementAdvisor.advise({ ...r }));
  });

  test('fails on a VirtualBox lab VM with device passthrough (VirtualBox has no PCI passthrough)', () => {
    const attempt = () => PlacementAdvisor.advise({ devicePassthrough: true, lab: true });
    expect(attempt).toThrow(/requirements.devicePassthrough: is not available on a VirtualBox lab VM/);
    try { attempt(); } catch (e) { expect(Errors.isValidationError(e)).toBe(true); }
  });

  test('fails on a VM that is both Windows-ecosystem (Hyper-V) and lab (VirtualBox)', () => {
    expect(() => PlacementAdvisor.advise({ windows: true, windowsEcosystem: true, lab: true })).toThrow(/requirements.lab: contradicts windowsEcosystem/);
  });

  test.each([[{ gpus: -1 }, /requirements.gpus/], [{ gpus: 1.5 }, /requirements.gpus/], [{ replicas: 0 }, /requirements.replicas/],
    [{ edge: 'yes' as unknown as boolean }, /requirements.edge: must be true or false/]])('fails on %j', (r, message) => {
    expect(() => PlacementAdvisor.advise(r as WorkloadRequirements)).toThrow(message);
  });

  test('the README prints the decision table: one row per rule, same target', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const rows = readme.split('\n').filter((line) => /^\| `PLACE-/.test(line)).map((line) => line.split('|').map((c) => c.trim()));
    expect(rows.map((cells) => cells[1].replace(/`/g, ''))).toEqual(PlacementAdvisor.decisionTable().map((r) => r.ruleId));
    const targetWords: Record<string, string> = { VIRTUAL_MACHINE: 'VM', KUBERNETES: 'Kubernetes', DOCKER: 'Docker' };
    rows.forEach((cells, i) => expect(cells[3]).toContain(targetWords[PlacementAdvisor.decisionTable()[i].target]));
  });
});
