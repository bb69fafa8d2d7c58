import * as fs from 'fs';
import * as path from 'path';
import {
  AnnotationMetadataEntryType, Annotations, Aspects, DefaultTokenResolver, IAspect, IStackSynthesizer, ISynthesisSession, StringConcat, TerraformProvider,
  TerraformResource, TerraformStack, Token, Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { invalid } from '../core/private/errors';
import { SynthNote, synthNotes } from '../core/private/notes';
import { WritingSynthesizer } from '../core/private/synthesizer';
import { FindingStatus, PolicyFinding } from './finding';
import { PolicyPacks } from './packs';
import { checkRules, EngineResource, evaluateResource, isBlocking, severityRank } from './private/engine';
import { artifactUri, findingLine, jsonReport, markdownReport, REPORT_FILES, ReportMeta, resourceLineIndex, sarifReport, suppressionRecords } from './private/report';
import { JSON_METADATA_KEY, ownSuppressions, splitRuleId } from './private/suppression-metadata';
import { IPolicyRule, PolicyContext, PolicyResource, Severity } from './rule';
import { Policy, PolicySuppression } from './suppressions';
import { checkArgs } from '../core/private/shapes';

const APPLIED = Symbol.for('cdktf-hybrid.PolicyChecks');
const TOKEN_RESOLVER = new DefaultTokenResolver(new StringConcat());

/** Options for `PolicyChecks.applyTo`. */
export interface PolicyChecksOptions {
  /**
   * The rules to run. Combine packs and your own rules, e.g. `[...PolicyPacks.kubernetes(), new MyRule()]`.
   * @default PolicyPacks.all()
   */
  readonly rules?: IPolicyRule[];
  /**
   * Your own rules, run in addition to `rules`.
   * @default - none
   */
  readonly additionalRules?: IPolicyRule[];
  /**
   * Ids of rules not to run at all (for a whole stack; prefer `Policy.suppress` with a reason on a scope).
   * @default - none
   */
  readonly excludeRuleIds?: string[];
  /**
   * Rules below this severity are not run.
   * @default Severity.LOW
   */
  readonly minSeverity?: Severity;
  /**
   * Unsuppressed findings at or above this severity are errors and fail synth; below it they are
   * warnings (MEDIUM) or info (LOW).
   * @default Severity.HIGH
   */
  readonly failOn?: Severity;
  /**
   * Write `policy-report.json`, `policy-report.md` and `policy-report.sarif` next to the stack's cdk.tf.json at synth.
   * @default true
   */
  readonly writeReports?: boolean;
}

/**
 * Runs the policy rules over every Terraform resource of a stack at synth.
 *
 * Every `TerraformResource` is checked, raw provider L1s included, on its rendered attributes
 * (snake_case, overrides merged, tokens resolved): the rules run on the stack's own rendering, the
 * JSON synth writes to cdk.tf.json, after every aspect ran, and get it read-only. Findings become annotations: an unsuppressed
 * finding at or above `failOn` (HIGH by default) is an error and fails synth; MEDIUM is a
 * warning, LOW, UNKNOWN (decided only at apply) and suppressed findings are info. Reports are
 * written next to cdk.tf.json.
 */
export class PolicyChecks implements IAspect {
  /**
   * Adds the policy checks to `stack`: an aspect that checks every resource, and report writing at synth.
   *
   * Call it once per stack, where the stack is built (not from inside another aspect).
   *
   * @param stack the stack to check
   * @param options which rules run and which severity fails synth
   */
  public static applyTo(stack: TerraformStack, options: PolicyChecksOptions = {}): PolicyChecks {
    checkArgs('PolicyChecks.applyTo', 'PolicyChecks.applyTo', [stack, options]);
    if (!TerraformStack.isStack(stack)) {
      throw invalid(stack, 'stack', 'is not a TerraformStack', (stack as IConstruct)?.node?.path, 'Pass the stack itself, e.g. PolicyChecks.applyTo(this).');
    }
    if ((stack as any)[APPLIED]) {
      throw invalid(stack, 'stack', 'already has PolicyChecks', stack.node.path, 'Call PolicyChecks.applyTo once per stack, with all the rules in its options.');
    }
    const checks = new PolicyChecks(stack, options);
    Object.defineProperty(stack, APPLIED, { value: checks });
    Aspects.of(stack).add(checks);
    checks.evaluateWhereRendered();
    const checking = new CheckingSynthesizer(stack.synthesizer, stack, checks);
    stack.synthesizer = options.writeReports === false ? checking
      : new WritingSynthesizer(checking, stack, (out) => checks._writeReports(out.directory, out.stackFile));
    return checks;
  }

  /**
   * The checks `PolicyChecks.applyTo` added to `stack`, if any.
   *
   * @param stack the stack to look at
   */
  public static of(stack: TerraformStack): PolicyChecks | undefined {
    return (stack as any)?.[APPLIED];
  }

  /** The rules that run, in order. */
  public readonly rules: IPolicyRule[];
  /** Unsuppressed findings at or above this severity fail synth. */
  public readonly failOn: Severity;
  /** Rules below this severity do not run. */
  public readonly minSeverity: Severity;

  private readonly stack: TerraformStack;
  private collected: PolicyFinding[] = [];
  /** True from the aspect's visit of the stack until the stack's rendering was evaluated. */
  private pendingEvaluation = false;
  private resourceCount = 0;
  private evaluated = false;
  /** Inside `CheckingSynthesizer.synthesize`: blocking findings fail the synth there. */
  private synthesizing = false;
  /** The annotations this evaluation added, for the synth manifest (cdktf collected the others before rendering). */
  private added: StackAnnotation[] = [];

  private constructor(stack: TerraformStack, options: PolicyChecksOptions) {
    this.stack = stack;
    const exclude = options.excludeRuleIds ?? [];
    const all = [...(options.rules ?? PolicyPacks.all()), ...(options.additionalRules ?? [])];
    const problems = checkRules(all);
    if (problems.length > 0) {
      throw invalid(stack, 'rules', problems.join('; '), all.length, 'Give every rule a unique DOMAIN-NAME id, a Severity, resourceTypes and an evaluate method.');
    }
    const unknownIds = exclude.filter((id) => !all.some((r) => r.ruleId === id));
    if (unknownIds.length > 0) {
      throw invalid(stack, 'excludeRuleIds', 'names rules that are not in the rule set', unknownIds, 'Use ids of the rules that run (see RULES.md).');
    }
    this.rules = all.filter((r) => !exclude.includes(r.ruleId));
    this.failOn = options.failOn ?? Severity.HIGH;
    this.minSeverity = options.minSeverity ?? Severity.LOW;
  }

  /** The findings of the last synth, in construct order (empty before synth). */
  public get findings(): PolicyFinding[] {
    return [...this.collected];
  }

  /**
   * Checks the stack (suppressions of unsuppressible rules), each Terraform resource in it, and each
   * provider block (as the pseudo-resource type `provider.<name>`, e.g. `provider.docker`).
   */
  public visit(node: IConstruct): void {
    if (node === this.stack) {
      this.startStack();
    } else if (isChecked(node) && TerraformStack.of(node) === this.stack) {
      // Recorded in the resource's metadata, so the suppression travels with cdk.tf.json; the rules
      // themselves run on the stack's rendering (see evaluateWhereRendered).
      const suppressions = Policy.suppressionsFor(node);
      if (suppressions.length > 0) node.addOverride(`//.${JSON_METADATA_KEY}.suppressions`, suppressions.map((s) => ({ ...s })));
    }
  }

  /**
   * Writes the JSON, Markdown and SARIF reports of the last evaluation into `directory`.
   *
   * @internal
   */
  public _writeReports(directory: string, stackFile: string): void {
    if (!this.evaluated) return;
    fs.mkdirSync(directory, { recursive: true });
    const findings = this.collected;
    const meta: ReportMeta = { threshold: this.failOn, stacks: 1, resources: this.resourceCount, rules: this.rules };
    const suppressions = this.allSuppressions();
    const json = jsonReport(findings, meta);
    const recorded = suppressionRecords(this.stack.node.id, suppressions, findings);
    const notes = synthNotes(this.stack);
    fs.writeFileSync(path.join(directory, REPORT_FILES.json), JSON.stringify({ ...json, summary: { ...json.summary, suppressions: recorded }, ...(notes.length > 0 ? { notes } : {}) }, undefined, 2) + '\n');
    fs.writeFileSync(path.join(directory, REPORT_FILES.markdown), markdownReport(this.stack.node.id, findings, suppressions, meta) + notesSection(notes));
    const text = fs.existsSync(stackFile) ? fs.readFileSync(stackFile, 'utf8') : '';
    const uri = artifactUri(stackFile);
    const lines = resourceLineIndex(text);
    const sarif = sarifReport(findings, this.rules, (f) => ({ uri, line: findingLine(lines, f) }), undefined, recorded);
    fs.writeFileSync(path.join(directory, REPORT_FILES.sarif), JSON.stringify(sarif, undefined, 2) + '\n');
  }

  private startStack(): void {
    this.collected = [];
    this.added = [];
    this.pendingEvaluation = true;
    this.resourceCount = 0;
    this.evaluated = true;
    const all = this.allSuppressions();
    if (all.length > 0) {
      this.stack.addOverride(`//.${JSON_METADATA_KEY}.suppressions`, all.map((s) => ({ ...s })));
    }
    const unsuppressible = new Set(this.rules.filter((r) => r.suppressible === false).map((r) => r.ruleId));
    // Known: every rule of the library's packs and of this stack's rule set (a suppression for a pack
    // that runs elsewhere is not a misspelling).
    const known = new Set([...PolicyPacks.all(), ...this.rules].map((r) => r.ruleId));
    for (const construct of this.stack.node.findAll()) {
      for (const s of ownSuppressions(construct)) {
        const base = splitRuleId(s.ruleId).base;
        if (!known.has(base)) {
          // A misspelled id would otherwise accept nothing and stay silent until someone reads the report.
          Annotations.of(construct).addWarning(`[${s.ruleId}] is suppressed, but no rule "${base}" exists, so the suppression accepts nothing. `
            + 'Check the spelling against RULES.md or the id printed with the finding.');
        }
        if (unsuppressible.has(base)) {
          Annotations.of(construct).addError(`[${s.ruleId}] cannot be suppressed: the rule is not suppressible (Policy.suppress reason: "${s.reason}"). `
            + 'Remove the Policy.suppress call and fix the finding.');
        }
      }
    }
  }

  private allSuppressions(): PolicySuppression[] {
    return this.stack.node.findAll().flatMap(ownSuppressions);
  }

  /**
   * Runs the rules on the stack's own rendering: `toTerraform()` (what synth writes to cdk.tf.json, and
   * what `Testing.synth` renders) is wrapped so that, once per aspect pass, every resource and provider
   * block is evaluated on its body in that JSON. Nothing is rendered a second time, and the rules see
   * exactly what Terraform will get, after every aspect ran. `cdktf synth --hcl` renders HCL instead;
   * there each element is rendered on its own for the checks.
   */
  private evaluateWhereRendered(): void {
    const stack = this.stack as TerraformStack & Record<string, unknown>;
    const toTerraform = stack.toTerraform;
    const toHclTerraform = stack.toHclTerraform;
    Object.defineProperty(stack, 'toTerraform', {
      configurable: true, writable: true,
      value: (...args: unknown[]) => {
        const json = toTerraform.apply(stack, args as []);
        if (this.pendingEvaluation) this.evaluateAll((element) => bodyIn(json, element), true);
        return json;
      },
    });
    Object.defineProperty(stack, 'toHclTerraform', {
      configurable: true, writable: true,
      value: (...args: unknown[]) => {
        if (this.pendingEvaluation) this.evaluateAll((element) => this.render(element), false);
        return toHclTerraform.apply(stack, args as []);
      },
    });
  }

  /** One element rendered on its own (HCL output only). */
  private render(resource: CheckedElement): PolicyResource | undefined {
    return bodyIn(Tokenization.resolve(resource.toTerraform(), { scope: this.stack, preparing: false, resolver: TOKEN_RESOLVER }), resource);
  }

  /**
   * Evaluates every checked element of the stack, in construct order, on its rendered body; the context
   * (what rules relating resources look up) is every rendered resource of the stack.
   */
  private evaluateAll(bodyOf: (element: CheckedElement) => PolicyResource | undefined, shared: boolean): void {
    this.pendingEvaluation = false;
    const entries: Array<{ element: CheckedElement; entry: EngineResource }> = [];
    const resources: PolicyResource[] = [];
    for (const node of this.stack.node.findAll()) {
      if (!isChecked(node) || TerraformStack.of(node) !== this.stack) continue;
      const rendered = bodyOf(node);
      if (!rendered) continue; // moved away: nothing is synthesized for it
      if (shared) deepFreeze(rendered.attributes); // shared with the JSON synth writes: a rule must not change it
      if (TerraformResource.isTerraformResource(node)) resources.push(rendered);
      entries.push({ element: node, entry: { resource: rendered, constructPath: node.node.path, suppressions: Policy.suppressionsFor(node) } });
    }
    this.resourceCount = resources.length;
    const context: PolicyContext = { resources };
    const blocking: string[] = [];
    for (const { element, entry } of entries) {
      const findings = evaluateResource(this.stack.node.id, entry, this.rules, context, this.minSeverity);
      for (const f of findings) {
        const message = this.annotate(element, f);
        if (message) blocking.push(`[${element.node.path}] ${message}`);
      }
      this.collected.push(...findings);
    }
    // cdktf checked the annotations before rendering; a blocking finding fails the synth here, as an error
    // annotation would have (unless cdktf was told to continue on error annotations; then the CLI reports them).
    if (blocking.length > 0 && this.synthesizing && process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined) {
      throw new Error(`Encountered Annotations with level "ERROR":\n${blocking.join('\n')}\n\n`
        + 'Either fix the issues above, or set the environment variable CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS to ignore these annotations.\n');
    }
  }

  /** @internal Called by CheckingSynthesizer around the stack's synthesis. */
  public _synthesizing(active: boolean): void {
    this.synthesizing = active;
  }

  /** @internal The annotations of the last evaluation, for the synth manifest; taken once. */
  public _takeAnnotations(): StackAnnotation[] {
    const added = this.added;
    this.added = [];
    return added;
  }

  /**
   * Adds the finding's annotation to the resource; returns its message when it blocks synth. Recorded
   * without a stack trace: it would point into PolicyChecks at synth, not at the user's code, and costs a
   * captured trace per finding.
   */
  private annotate(resource: CheckedElement, f: PolicyFinding): string | undefined {
    const { level, message } = this.annotationOf(f);
    resource.node.addMetadata(level, message, { stackTrace: false });
    this.added.push({ constructPath: resource.node.path, level, message });
    return level === AnnotationMetadataEntryType.ERROR ? message : undefined;
  }

  private annotationOf(f: PolicyFinding): { level: AnnotationMetadataEntryType; message: string } {
    const head = `[${f.ruleId}] ${f.severity} ${f.resourceAddress} at ${f.constructPath}: ${f.message}`;
    if (f.suppressed) return { level: AnnotationMetadataEntryType.INFO, message: `${head} (suppressed on ${f.suppressedAt}: ${f.suppressionReason})` };
    if (f.status === FindingStatus.UNKNOWN) return { level: AnnotationMetadataEntryType.INFO, message: head };
    if (isBlocking(f, this.failOn)) {
      const hint = f.suppressible
        ? ` If it is acceptable here, Policy.suppress(scope, '${f.ruleId}', '<reason>').`
        : ' This rule cannot be suppressed.';
      return { level: AnnotationMetadataEntryType.ERROR, message: head + hint };
    }
    if (severityRank(f.severity) >= severityRank(Severity.MEDIUM)) return { level: AnnotationMetadataEntryType.WARN, message: head };
    return { level: AnnotationMetadataEntryType.INFO, message: head };
  }
}

/** The notes the constructs recorded instead of printing them (controls the providers cannot express, rendering facts). */
function notesSection(notes: SynthNote[]): string {
  if (notes.length === 0) return '';
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return ['', '## Notes (no action needed at synth)', '',
    'Controls the providers cannot express (met on the host, in the template or by an audit after apply) and how settings are rendered.', '',
    '| Construct | Topic | Note |', '| --- | --- | --- |',
    ...notes.map((n) => `| \`${cell(n.constructPath)}\` | ${cell(n.topic)} | ${cell(n.text)} |`), ''].join('\n');
}

/** An annotation as cdktf records it in the synth manifest. */
interface StackAnnotation {
  readonly constructPath: string;
  readonly level: string;
  readonly message: unknown;
  readonly stacktrace?: string[];
}

/**
 * A checked element's body in a rendering (`{ resource: { <type>: { <id>: body } }, provider: { <name>: [body] } }`)
 * as the rules see it: its address, type and attributes without cdktf's `//` metadata.
 */
function bodyIn(rendering: any, element: CheckedElement): PolicyResource | undefined {
  if (TerraformProvider.isTerraformProvider(element)) {
    // Providers render as a list per name; an aliased one is found by its alias, the default one has none.
    const name = element.terraformResourceType;
    const list: unknown[] = Array.isArray(rendering?.provider?.[name]) ? rendering.provider[name] : [];
    const alias = typeof element.alias === 'string' && !Token.isUnresolved(element.alias) ? element.alias : undefined;
    const body = list.find((b: any) => typeof b === 'object' && b !== null && (alias === undefined ? typeof b.alias !== 'string' : b.alias === alias))
      ?? (list.length === 1 ? list[0] : undefined);
    if (typeof body !== 'object' || body === null) return undefined;
    const type = `provider.${name}`;
    const bodyAlias = typeof (body as any).alias === 'string' ? (body as any).alias : undefined;
    return { resourceType: type, address: bodyAlias ? `${type}.${bodyAlias}` : type, attributes: withoutMetadata(body) };
  }
  const body = rendering?.resource?.[element.terraformResourceType]?.[element.friendlyUniqueId];
  if (typeof body !== 'object' || body === null) return undefined;
  return { resourceType: element.terraformResourceType, address: `${element.terraformResourceType}.${element.friendlyUniqueId}`, attributes: withoutMetadata(body) };
}

/** The body without cdktf's `//` metadata key (a new top-level object; nested values are shared). */
function withoutMetadata(body: any): Record<string, any> {
  const out: Record<string, any> = {};
  for (const key of Object.keys(body)) if (key !== '//') out[key] = body[key];
  return out;
}

/** Freezes a rendered value in place, so that a rule cannot change what synth writes. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

/**
 * The stack's synthesizer, wrapped: it tells the checks that a synth is running (so a blocking finding
 * fails it) and adds the checks' annotations, made while the stack rendered, to the synth manifest.
 */
class CheckingSynthesizer implements IStackSynthesizer {
  constructor(private readonly inner: IStackSynthesizer, private readonly stack: TerraformStack, private readonly checks: PolicyChecks) {}

  public synthesize(session: ISynthesisSession): void {
    this.checks._synthesizing(true);
    try {
      this.inner.synthesize(session);
    } finally {
      this.checks._synthesizing(false);
    }
    const added = this.checks._takeAnnotations();
    if (added.length > 0) {
      const manifest = session.manifest.forStack(this.stack) as unknown as { annotations: StackAnnotation[] };
      manifest.annotations = [...(manifest.annotations ?? []), ...added];
    }
  }
}

/** What the checks look at: Terraform resources and provider blocks. */
type CheckedElement = TerraformResource | TerraformProvider;

function isChecked(node: IConstruct): node is CheckedElement {
  return TerraformResource.isTerraformResource(node) || TerraformProvider.isTerraformProvider(node);
}

