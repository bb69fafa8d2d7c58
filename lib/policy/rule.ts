/** How serious a finding is. High findings fail synth unless suppressed. */
export enum Severity {
  /** Host escape, privilege gain, or exposure of the host or its control plane. Fails synth. */
  HIGH = 'HIGH',
  /** A clear attack-surface or blast-radius reduction is missing. Reported as a warning. */
  MEDIUM = 'MEDIUM',
  /** Defence in depth or audit hygiene. Reported as info. */
  LOW = 'LOW',
}

/** The outcome of one rule on one resource. */
export enum ComplianceStatus {
  /** The resource meets the rule. */
  PASS = 'PASS',
  /** The resource breaks the rule; see the violations. */
  FAIL = 'FAIL',
  /** The rule does not apply to this resource. */
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  /** The value is only known at apply (an unresolved reference); never counted as a pass. */
  UNKNOWN = 'UNKNOWN',
}

/** One way a resource breaks a rule. */
export interface Violation {
  /** The attribute path in the synthesized resource, snake_case, e.g. `spec.template.spec.container[0].security_context.privileged`. */
  readonly attributePath: string;
  /**
   * The value found there.
   * @default - the attribute is missing
   */
  readonly found?: any;
  /** How to fix it, e.g. `set privileged = false`. */
  readonly fix: string;
  /**
   * Detail that tells several violations of one rule apart, e.g. `container=web`; shown as `RULE-ID[container=web]`.
   * @default - none
   */
  readonly detail?: string;
}

/** What a rule says about one resource. */
export class RuleResult {
  /** The resource meets the rule. */
  public static pass(): RuleResult {
    return new RuleResult(ComplianceStatus.PASS, [], undefined);
  }

  /** The resource breaks the rule, in one or more places. */
  public static fail(violations: Violation[]): RuleResult {
    return new RuleResult(ComplianceStatus.FAIL, violations, undefined);
  }

  /** The rule does not apply to this resource. */
  public static notApplicable(): RuleResult {
    return new RuleResult(ComplianceStatus.NOT_APPLICABLE, [], undefined);
  }

  /** The value depends on something only known at apply, e.g. `${var.x}`. */
  public static unknown(reason: string): RuleResult {
    return new RuleResult(ComplianceStatus.UNKNOWN, [], reason);
  }

  /** The outcome. */
  public readonly status: ComplianceStatus;
  /** Where the resource breaks the rule (empty unless FAIL). */
  public readonly violations: Violation[];
  /**
   * Why the outcome is UNKNOWN.
   * @default - none
   */
  public readonly reason?: string;

  private constructor(status: ComplianceStatus, violations: Violation[], reason: string | undefined) {
    this.status = status;
    this.violations = violations;
    this.reason = reason;
  }
}

/** A resource as the policy engine sees it: plain, rendered Terraform data. */
export interface PolicyResource {
  /** Terraform resource type, e.g. `kubernetes_deployment_v1`. */
  readonly resourceType: string;
  /** Terraform address, `<type>.<name>`. */
  readonly address: string;
  /**
   * The resource's rendered attributes: snake_case, overrides merged, tokens resolved to
   * Terraform expressions such as `${var.x}`. Nested blocks may be objects or lists of objects.
   */
  readonly attributes: { [key: string]: any };
}

/** Everything else in the stack, for rules that relate resources (a snapshot of a passthrough VM, a namespace without a deny-all policy). */
export interface PolicyContext {
  /** Every resource of the stack being checked, the evaluated one included. */
  readonly resources: PolicyResource[];
}

/**
 * A security rule: a pure check of one resource's rendered attributes.
 *
 * Implement this interface to add your own rules; register them with the policy checks.
 */
export interface IPolicyRule {
  /** Stable id, e.g. `K8S-NO-PRIVILEGED` (the control id of the security baseline). Never reused. */
  readonly ruleId: string;
  /** One line: what the rule requires. */
  readonly title: string;
  /** How serious a violation is. */
  readonly severity: Severity;
  /** The public source of the control, e.g. `PSS baseline privileged; NSA §Pod security`. */
  readonly source: string;
  /** Terraform resource types the rule looks at. */
  readonly resourceTypes: string[];
  /**
   * Whether the rule's findings may be suppressed with a reason.
   * @default true
   */
  readonly suppressible?: boolean;
  /**
   * Why the rule exists and how it decides edge cases (unset values, references, site inputs).
   *
   * Reports show it as the "why" of a finding: the Markdown report lists it per rule that has
   * findings, SARIF uses it as the rule's `fullDescription` and `help`, RULES.md has a column for it.
   *
   * @default - none
   */
  readonly rationale?: string;

  /**
   * Checks one resource. Must not throw, do I/O or touch the construct tree; an unresolved
   * value gives UNKNOWN, never PASS.
   *
   * @param resource the resource to check
   * @param context the other resources of the same stack, for rules that relate resources
   */
  evaluate(resource: PolicyResource, context: PolicyContext): RuleResult;
}
