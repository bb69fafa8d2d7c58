import { DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { isUnresolved } from '../../core/private/validation';

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** A value as cdk.tf.json shows it: a token becomes its Terraform expression (`${var.x}`), a plain value stays. */
export function display(scope: IConstruct, value: string | number): string {
  if (!isUnresolved(value)) return String(value);
  const resolved = Tokenization.resolve(value, { scope: TerraformStack.of(scope), preparing: false, resolver: RESOLVER });
  return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
}
