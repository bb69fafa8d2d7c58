import { Severity } from '../../rule';
import { UndecidableControl } from '../undecidable-control';

/** Kubernetes controls of the baseline that no resource attribute can decide, and how they are met. */
export const KUBERNETES_NOT_DECIDABLE: UndecidableControl[] = [
  {
    controlId: 'K8S-PID-LIMIT',
    severity: Severity.MEDIUM,
    source: 'NSA §Resource policies (per-pod PID limits)',
    reason: 'The per-pod PID cap is the kubelet setting podPidsLimit, not a field of the pod spec or of any provider resource.',
    metBy: 'node configuration (kubelet podPidsLimit)',
  },
];
