import { IConstruct } from 'constructs';
import { invalid } from '../core/private/errors';
import { ownSuppressions, SUPPRESSION_METADATA } from './private/suppression-metadata';
import { checkArgs } from '../core/private/shapes';

const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+(\[[^\]]+\])?$/;
const MIN_REASON_LENGTH = 10;

/** A recorded decision to accept one policy rule's findings on a construct and everything below it. */
export interface PolicySuppression {
  /** The rule id, e.g. `VM-NO-PASSTHROUGH`, or one finding of it, e.g. `K8S-NO-PRIVILEGED[container=web]`. */
  readonly ruleId: string;
  /** Why the finding is accepted (at least 10 characters); shown in every report. */
  readonly reason: string;
  /** Path of the construct the suppression was added on. */
  readonly scopePath: string;
}

/** Suppressions of policy findings, stored on the construct tree. */
export class Policy {
  /**
   * Accepts the findings of rule `ruleId` on `scope` and its whole subtree, for a written reason.
   *
   * The suppression is recorded in the policy reports and in the `//` metadata of every resource it
   * applies to in cdk.tf.json: a reviewer always sees what was accepted and why. A suppressed finding
   * is still reported, as info, with its reason.
   *
   * Rules declared `suppressible: false` cannot be suppressed: their findings stay, and the suppression
   * itself is reported as an error when the stack is synthesized with `PolicyChecks`.
   *
   * @param scope the construct (or stack) the suppression applies to, with everything below it
   * @param ruleId the rule id, e.g. `VM-NO-PASSTHROUGH`; with a detail (`K8S-NO-PRIVILEGED[container=web]`) only that finding
   * @param reason why the finding is acceptable here: at least 10 characters
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    checkArgs('Policy.suppress', 'Policy.suppress', [scope, ruleId, reason]);
    if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) {
      throw invalid(scope, 'ruleId', 'is not a policy rule id', ruleId,
        'Use the id printed with the finding, e.g. "DOCKER-READONLY-ROOTFS" or "K8S-NO-PRIVILEGED[container=web]".');
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
      throw invalid(scope, 'reason', `must explain the exception in at least ${MIN_REASON_LENGTH} characters`, reason,
        'Say why the finding is acceptable here, e.g. "vendor image writes its config at boot; ticket OPS-412".');
    }
    scope.node.addMetadata(SUPPRESSION_METADATA, { ruleId, reason: reason.trim(), scopePath: scope.node.path });
  }

  /**
   * The suppressions that apply to `scope`: its own and those of every ancestor, nearest first.
   */
  public static suppressionsFor(scope: IConstruct): PolicySuppression[] {
    const found: PolicySuppression[] = [];
    for (const construct of [...scope.node.scopes].reverse()) {
      found.push(...ownSuppressions(construct));
    }
    return found;
  }

  private constructor() {}
}
