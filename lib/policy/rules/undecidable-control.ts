import { Severity } from '../rule';

/** A baseline control that no synthesized attribute can decide, listed so reports can show it. */
export interface UndecidableControl {
  /** The control id of the security baseline, e.g. `DOCKER-PIDS-LIMIT`. */
  readonly controlId: string;
  /** The baseline's severity. */
  readonly severity: Severity;
  /** The public source of the control. */
  readonly source: string;
  /** Why no rule can decide it from resource attributes. */
  readonly reason: string;
  /** Where the control is met instead (host configuration, audit after apply, ...). */
  readonly metBy: string;
}
