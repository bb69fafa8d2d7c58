import { Testing } from 'cdktf';
import { ReferencePlatformStack } from '../../examples/reference-platform/platform';

/** The reference platform stack, synthesized (aspects included) in a test app. */
export function synthReferencePlatform(): { stack: ReferencePlatformStack; json: any } {
  const stack = new ReferencePlatformStack(Testing.app(), 'reference-platform');
  return { stack, json: JSON.parse(Testing.synth(stack)) };
}

/** The resource of `type` at construct path `path` below the stack (e.g. `Shop/Web/Deployment/NetworkPolicy`), found by its logical id. */
export function resourceAt(json: any, type: string, path: string): any {
  const human = path.split('/').filter((part) => part !== 'Resource').join('_');
  const matches = Object.entries<any>(json.resource[type] ?? {}).filter(([key]) => key.replace(/_[0-9A-F]{8}$/, '') === human);
  if (matches.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${matches.length}`);
  return matches[0][1];
}
