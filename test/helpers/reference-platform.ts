import { Testing } from 'cdktf';
import { ReferencePlatformStack } from '../../examples/reference-platform/platform';

/** The reference platform stack, synthesized (aspects included) in a test app. */
export function synthReferencePlatform(): { stack: ReferencePlatformStack; json: any } {
  const stack = new ReferencePlatformStack(Testing.app(), 'reference-platform');
  return { stack, json: JSON.parse(Testing.synth(stack)) };
}

export { resourceAt } from '../hybrid/fixtures';
