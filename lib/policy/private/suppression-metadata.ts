import { IConstruct } from 'constructs';
import { PolicySuppression } from '../suppressions';

/** Construct metadata type under which `Policy.suppress` stores a suppression. */
export const SUPPRESSION_METADATA = 'cdktf-hybrid:policy-suppression';

/** Key under a resource's `//` metadata in cdk.tf.json that records the suppressions applying to it. */
export const JSON_METADATA_KEY = 'cdktf-hybrid';

/** The suppressions added on exactly this construct (not its ancestors), in the order added. */
export function ownSuppressions(construct: IConstruct): PolicySuppression[] {
  return construct.node.metadata
    .filter((entry) => entry.type === SUPPRESSION_METADATA)
    .map((entry) => entry.data as PolicySuppression);
}

/** Splits `RULE-ID[detail]` into its parts. */
export function splitRuleId(ruleId: string): { base: string; detail?: string } {
  const match = /^([^[]+)\[(.*)\]$/.exec(ruleId);
  return match ? { base: match[1], detail: match[2] } : { base: ruleId };
}

/**
 * The suppression that accepts finding `ruleId` (with or without detail), nearest first: a suppression of
 * the bare id accepts every detail, one with a detail accepts only that detail.
 */
export function matchingSuppression(suppressions: PolicySuppression[], ruleId: string): PolicySuppression | undefined {
  const { base } = splitRuleId(ruleId);
  return suppressions.find((s) => s.ruleId === ruleId || s.ruleId === base);
}
