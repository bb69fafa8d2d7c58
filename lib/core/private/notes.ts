import { Annotations, Aspects, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * A fact about a construct that needs no action at synth: a baseline control the provider cannot
 * express (met on the host, in the template, or by an audit after apply), or how a setting is
 * rendered. Printing each of them as an annotation made a three-construct app print 13 INFO
 * lines, so they are collected per stack: one summary line at synth, the full list in the policy
 * reports. Warnings stay for what a user must act on.
 */
export interface SynthNote {
  /** Path of the construct the note is about. */
  readonly constructPath: string;
  /** The control id (e.g. `DOCKER-SWARM-OFF`) or a short topic (e.g. `docker-healthcheck`). */
  readonly topic: string;
  /** The full text, as the annotation used to say it. */
  readonly text: string;
}

const REGISTRY = Symbol.for('cdktf-hybrid.SynthNotes');

interface Registry {
  readonly notes: SynthNote[];
  summarized: boolean;
}

/** Records a note for the stack of `scope`; the stack prints one summary line for all of them at synth. */
export function addSynthNote(scope: IConstruct, topic: string, text: string): void {
  registryOf(TerraformStack.of(scope), true)!.notes.push({ constructPath: scope.node.path, topic, text });
}

/** The notes recorded for `stack`, in the order they were added. */
export function synthNotes(stack: TerraformStack): SynthNote[] {
  return [...(registryOf(stack, false)?.notes ?? [])];
}

/** The one summary line of a stack's notes. */
export function summaryLine(notes: SynthNote[]): string {
  const constructs = new Set(notes.map((n) => n.constructPath)).size;
  const topics = [...new Set(notes.map((n) => n.topic))];
  return `${notes.length} note(s) on ${constructs} construct(s) need no action at synth (controls the providers cannot express, met outside Terraform, `
    + `and how settings are rendered): ${topics.join(', ')}. The full list is in policy-report.md / policy-report.json when PolicyChecks is applied.`;
}

function registryOf(stack: TerraformStack, create: boolean): Registry | undefined {
  const existing = (stack as unknown as { [REGISTRY]?: Registry })[REGISTRY];
  if (existing || !create) return existing;
  const registry: Registry = { notes: [], summarized: false };
  Object.defineProperty(stack, REGISTRY, { value: registry });
  // Aspects run at every synth (cdktf synth and the Testing helpers) before annotations are collected;
  // the stack itself is visited first, once every construct exists.
  Aspects.of(stack).add({
    visit: (node: IConstruct) => {
      if (node !== stack || registry.summarized || registry.notes.length === 0) return;
      registry.summarized = true;
      Annotations.of(stack).addInfo(summaryLine(registry.notes));
    },
  });
  return registry;
}
