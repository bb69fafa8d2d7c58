import { Severity } from './rule';

/** What a reported finding means. Passing and not-applicable results are not findings. */
export enum FindingStatus {
  /** The resource breaks the rule. */
  FAIL = 'FAIL',
  /** The rule could not decide: a value is only known at apply. Never counted as a pass; reported as info. */
  UNKNOWN = 'UNKNOWN',
  /** The rule threw or returned something that is not a `RuleResult`; reported under `POLICY-RULE-ERROR`. */
  ERROR = 'ERROR',
}

/** One finding of the policy engine on one resource. */
export interface PolicyFinding {
  /** The rule id with its detail, e.g. `K8S-NO-PRIVILEGED[container=web]`. */
  readonly ruleId: string;
  /** The rule id without detail, e.g. `K8S-NO-PRIVILEGED`. */
  readonly baseRuleId: string;
  /** The rule's one-line title. */
  readonly title: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** Failed, undecided or errored. */
  readonly status: FindingStatus;
  /** Terraform address, `<type>.<name>`. */
  readonly resourceAddress: string;
  /** Terraform resource type. */
  readonly resourceType: string;
  /** Name of the stack the resource belongs to. */
  readonly stackName: string;
  /**
   * Construct path of the resource.
   * @default - unknown (hand-written Terraform JSON)
   */
  readonly constructPath?: string;
  /**
   * Attribute path in the rendered resource, e.g. `spec.template.spec.container[0].security_context.privileged`.
   * @default - none (UNKNOWN and ERROR findings)
   */
  readonly attributePath?: string;
  /**
   * The value found at `attributePath`, already rendered for display (JSON, shortened, secrets redacted).
   * @default - the attribute is missing
   */
  readonly found?: string;
  /**
   * How to fix it.
   * @default - none (UNKNOWN and ERROR findings)
   */
  readonly fix?: string;
  /** What is wrong, in one line: title, attribute path, value found and fix. */
  readonly message: string;
  /** Whether a `Policy.suppress` with a reason accepts this finding. */
  readonly suppressed: boolean;
  /**
   * The suppression's reason.
   * @default - not suppressed
   */
  readonly suppressionReason?: string;
  /**
   * Path of the construct the suppression was added on.
   * @default - not suppressed
   */
  readonly suppressedAt?: string;
  /** Whether the rule accepts suppressions. */
  readonly suppressible: boolean;
}
