// The constructs report the controls their provider cannot express (as synth annotations); the
// policy catalogue lists the controls no rule can decide. Both speak of the same controls, so a
// control a construct calls inexpressible must be in NOT_DECIDABLE too, or the two lists have drifted.
import { NOT_DECIDABLE, VmHardening } from '../../lib';
import { UNENFORCEABLE_CONTROLS } from '../../lib/container/private/controls';

const undecidable = new Set(NOT_DECIDABLE.map((c) => c.controlId));

test('every VM control SecureVirtualMachine reports as not expressible is in NOT_DECIDABLE', () => {
  const ids = VmHardening.unexpressibleControls().map((c) => c.controlId);
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.filter((id) => !undecidable.has(id))).toEqual([]);
});

test('every Docker control HardenedContainer reports as not enforceable is in NOT_DECIDABLE', () => {
  const ids = [...UNENFORCEABLE_CONTROLS.map((c) => c.controlId), 'DOCKER-PIDS-LIMIT'];
  expect(ids.filter((id) => !undecidable.has(id))).toEqual([]);
});
