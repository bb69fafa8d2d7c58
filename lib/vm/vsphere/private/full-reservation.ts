import { ErrorScope, invalid } from '../../../core/private/errors';
import { isUnresolved } from '../../../core/private/validation';

/**
 * A feature that maps physical PCI functions into the guest (DirectPath I/O, SR-IOV): the VM then
 * needs all its memory reserved and locked, and cannot hot add.
 */
export interface PciBackedFeature {
  /** How the message names the feature, e.g. `passthrough`. */
  readonly feature: string;
  /** The control that requires the full reservation. */
  readonly reservationControlId: string;
  /** The control that rules out hot add. */
  readonly hotAddControlId: string;
  /** What rules out hot add, for the fix text. */
  readonly technology: string;
}

/** The memory reservation a VM gets. */
export interface ResolvedReservation {
  /** `memory_reservation` in MiB. */
  readonly reservationMiB: number;
  /** `memory_reservation_locked_to_max`, or undefined to leave it unset. */
  readonly lockedToMax?: boolean;
}

function joined(features: PciBackedFeature[], control: (f: PciBackedFeature) => string): string {
  return features.map((f) => `${f.feature} (${control(f)})`).join(' and ');
}

/**
 * The reservation logic shared by passthrough and SR-IOV: with any PCI-backed feature the
 * reservation is the full memory, locked to max (PT-FULL-MEM-RESERVATION, PT-SRIOV), an explicit
 * `memoryReservationMiB` must equal it, and hot add is refused (PT-NO-HOTADD).
 */
export function resolveMemoryReservation(scope: ErrorScope, features: PciBackedFeature[], memoryMiB: number,
  requestedMiB: number | undefined, allowHotAdd: boolean): ResolvedReservation {
  if (features.length === 0) return { reservationMiB: requestedMiB ?? 0 };
  if (allowHotAdd) {
    throw invalid(scope, 'allowHotAdd', `cannot be true with ${joined(features, (f) => f.hotAddControlId)}`, true,
      `${features.map((f) => f.technology).join(' and ')} rule${features.length > 1 ? '' : 's'} out hot add: drop allowHotAdd and size the VM at deploy.`);
  }
  if (requestedMiB !== undefined && !isUnresolved(requestedMiB) && !isUnresolved(memoryMiB) && requestedMiB !== memoryMiB) {
    throw invalid(scope, 'memoryReservationMiB', `must equal spec.memoryMiB (${memoryMiB}) with ${joined(features, (f) => f.reservationControlId)}`,
      requestedMiB, 'Drop memoryReservationMiB (it defaults to full) or set it to spec.memoryMiB: the VM will not power on otherwise.');
  }
  return { reservationMiB: memoryMiB, lockedToMax: true };
}
