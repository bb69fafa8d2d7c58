import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { synthNotes } from '../../lib/core/private/notes';

/** The texts of the synth notes recorded for one construct (collected per stack instead of printed). */
export function notesOf(c: IConstruct): string[] {
  return synthNotes(TerraformStack.of(c)).filter((n) => n.constructPath === c.node.path).map((n) => n.text);
}
