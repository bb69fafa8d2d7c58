import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** Terraform's built-in `terraform_data` resource: needs no provider, handy for lifecycle tests. */
export class NullProviderStub {
  public static resource(scope: Construct, id: string): TerraformResource {
    return new TerraformResource(scope, id, { terraformResourceType: 'terraform_data' });
  }
}
