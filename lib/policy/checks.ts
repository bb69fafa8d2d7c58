import * as fs from 'fs';
import * as path from 'path';
import {
  Annotations, Aspects, DefaultTokenResolver, IAspect, StringConcat, TerraformProvider, TerraformResource,
  TerraformStack, Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { invalid } from '../core/private/errors';
import { SynthNote, synthNotes } from '../core/private/notes';
import { WritingSynthesizer } from '../core/private/synthesizer';
import { FindingStatus, PolicyFinding } from './finding';
import { PolicyPacks } from './packs';
import { checkRules, EngineResource, evaluateResource, isBlocking, severityRank, stripMetadata } from './private/engine';
import { artifactUri, findingLine, jsonReport, markdownReport, REPORT_FILES, ReportMeta, resourceLineIndex, sarifReport, suppressionRecords } from './private/report';
import { JSON_METADATA_KEY, ownSuppressions, splitRuleId } from './private/suppression-metadata';
import { IPolicyRule, PolicyContext, PolicyResource, Severity } from './rule';
import { Policy, PolicySuppression } from './suppressions';
import { checkArgs } from '../core/private/shapes';
import { forgetContextIndex } from './private/context-index';

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
 * (snake_case, overrides merged, tokens resolved). Findings become annotations: an unsuppressed
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
    if (options.writeReports !== false) {
      stack.synthesizer = new WritingSynthesizer(stack.synthesizer, stack, (out) => checks._writeReports(out.directory, out.stackFile));
    }
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
  private context: StackContext = emptyContext();
  /** Rendered at their visit, evaluated once every resource of the stack is rendered. */
  private pending: Array<{ element: CheckedElement; entry: EngineResource }> = [];
  private unvisited = 0;
  private finished = true;
  private resourceCount = 0;
  private evaluated = false;

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
    // Backstop for resources the aspect was expected to visit but did not: evaluate what was rendered.
    stack.node.addValidation({ validate: () => { this.finish(); return []; } });
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
      this.checkResource(node);
    }
  }

  /**
   * Writes the JSON, Markdown and SARIF reports of the last evaluation into `directory`.
   *
   * @internal
   */
  public _writeReports(directory: string, stackFile: string): void {
    if (!this.evaluated) return;
    this.finish();
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
    this.context = emptyContext();
    this.pending = [];
    this.unvisited = 0;
    this.finished = false;
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
      if (isChecked(construct) && TerraformStack.of(construct) === this.stack) this.unvisited++;
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

  private render(resource: CheckedElement): PolicyResource | undefined {
    const rendered = Tokenization.resolve(resource.toTerraform(), { scope: this.stack, preparing: false, resolver: TOKEN_RESOLVER });
    if (TerraformProvider.isTerraformProvider(resource)) {
      // A provider renders as { provider: { <name>: [ { ...config } ] } }; its address is provider.<name>[.<alias>].
      const providerBody = rendered?.provider?.[resource.terraformResourceType]?.[0];
      if (typeof providerBody !== 'object' || providerBody === null) return undefined;
      const type = `provider.${resource.terraformResourceType}`;
      const alias = typeof providerBody.alias === 'string' ? providerBody.alias : undefined;
      return { resourceType: type, address: alias ? `${type}.${alias}` : type, attributes: stripMetadata(providerBody) };
    }
    const body = rendered?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
    if (typeof body !== 'object' || body === null) return undefined;
    const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
    return { resourceType: resource.terraformResourceType, address, attributes: stripMetadata(body) };
  }

  /**
   * Renders a resource once, at its own visit (after the aspects before this one changed it), and adds it to
   * the stack context; its rules run once every resource of the stack is rendered, so that rules relating
   * resources see the whole stack through one shared context and its indexes, never a re-rendering.
   */
  private checkResource(resource: CheckedElement): void {
    const rendered = this.render(resource);
    if (rendered) { // else moved away: nothing is synthesized for it
      if (TerraformResource.isTerraformResource(resource)) {
        this.resourceCount++;
        updateContext(this.context, rendered);
      }
      const suppressions = Policy.suppressionsFor(resource);
      if (suppressions.length > 0) {
        resource.addOverride(`//.${JSON_METADATA_KEY}.suppressions`, suppressions.map((s) => ({ ...s })));
      }
      const entry: EngineResource = { resource: rendered, constructPath: resource.node.path, suppressions };
      if (this.finished) this.evaluate(resource, entry); // added during the aspect pass, after the others were evaluated
      else this.pending.push({ element: resource, entry });
    }
    if (--this.unvisited <= 0) this.finish();
  }

  /** Evaluates the rendered resources not yet evaluated, in construct order. */
  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    const pending = this.pending;
    this.pending = [];
    for (const { element, entry } of pending) this.evaluate(element, entry);
  }

  private evaluate(resource: CheckedElement, entry: EngineResource): void {
    const findings = evaluateResource(this.stack.node.id, entry, this.rules, this.context, this.minSeverity);
    for (const f of findings) this.annotate(resource, f);
    this.collected.push(...findings);
  }

  private annotate(resource: CheckedElement, f: PolicyFinding): void {
    const annotations = Annotations.of(resource);
    const head = `[${f.ruleId}] ${f.severity} ${f.resourceAddress} at ${f.constructPath}: ${f.message}`;
    if (f.suppressed) {
      annotations.addInfo(`${head} (suppressed on ${f.suppressedAt}: ${f.suppressionReason})`);
    } else if (f.status === FindingStatus.UNKNOWN) {
      annotations.addInfo(head);
    } else if (isBlocking(f, this.failOn)) {
      const hint = f.suppressible
        ? ` If it is acceptable here, Policy.suppress(scope, '${f.ruleId}', '<reason>').`
        : ' This rule cannot be suppressed.';
      annotations.addError(head + hint);
    } else if (severityRank(f.severity) >= severityRank(Severity.MEDIUM)) {
      annotations.addWarning(head);
    } else {
      annotations.addInfo(head);
    }
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

/** The rendered resources of a stack, in construct order, with the position of each address. */
interface StackContext extends PolicyContext {
  readonly resources: PolicyResource[];
  readonly index: Map<string, number>;
}

function emptyContext(): StackContext {
  return { resources: [], index: new Map() };
}

function updateContext(context: StackContext, rendered: PolicyResource): void {
  const at = context.index.get(rendered.address);
  if (at === undefined) {
    context.index.set(rendered.address, context.resources.length);
    context.resources.push(rendered);
  } else {
    context.resources[at] = rendered;
    forgetContextIndex(context.resources);
  }
}

/** What the checks look at: Terraform resources and provider blocks. */
type CheckedElement = TerraformResource | TerraformProvider;

function isChecked(node: IConstruct): node is CheckedElement {
  return TerraformResource.isTerraformResource(node) || TerraformProvider.isTerraformProvider(node);
}

