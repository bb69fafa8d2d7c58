import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, isTrue } from '../private/rule-kit';
import { DEFAULT_MEMORY_MB, passthroughRule } from '../private/vsphere';

/** PT-FULL-MEM-RESERVATION: all guest memory of a passthrough VM is reserved. */
export const ptFullMemReservation = passthroughRule({
  ruleId: 'PT-FULL-MEM-RESERVATION',
  title: 'Passthrough VMs reserve all their memory',
  severity: Severity.HIGH,
  source: 'VSDOC DirectPath I/O; Broadcom KB 309986',
  rationale: 'memory_reservation must equal memory (unset memory is the provider default 1024) and memory_reservation_locked_to_max must be true; the same expression on both sides counts as equal.',
}, (attributes, findings) => {
  const memory = attributes.memory ?? DEFAULT_MEMORY_MB;
  const reservation = attributes.memory_reservation;
  const sameExpression = isUnresolved(memory) && String(memory) === String(reservation);
  if (!sameExpression) {
    if (isUnresolved(memory) || isUnresolved(reservation)) findings.unknown('memory_reservation', [reservation, memory]);
    else if (asNumber(reservation) !== asNumber(memory)) findings.fail('memory_reservation', reservation, `set memory_reservation = memory (${memory})`);
  }
  const locked = attributes.memory_reservation_locked_to_max;
  if (isUnresolved(locked)) findings.unknown('memory_reservation_locked_to_max', locked);
  else if (!isTrue(locked)) findings.fail('memory_reservation_locked_to_max', locked, 'set memory_reservation_locked_to_max = true');
});
