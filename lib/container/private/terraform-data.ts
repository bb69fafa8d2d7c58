import { anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl, TerraformMetaArguments, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** Config of `TerraformData`: the `terraform_data` arguments and the usual meta-arguments. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  readonly input?: { [key: string]: any };
  readonly triggersReplace?: { [key: string]: any };
}

/**
 * Terraform's built-in `terraform_data` resource, synthesized exactly as cdktf's `DataResource`
 * does (same type, generator metadata and attributes), without the construct validation
 * `DataResource` adds: that validation runs `terraform version` in a subprocess once per resource
 * at synth (about 6.5 ms each, so 6.5 s for 1,000 scan gates). `terraform_data` needs Terraform
 * 1.4 or later, which Terraform itself reports at init if it is older.
 */
export class TerraformData extends TerraformResource {
  public static readonly tfResourceType = 'terraform_data';

  private readonly inputValue?: { [key: string]: any };
  private readonly triggersReplaceValue?: { [key: string]: any };

  constructor(scope: Construct, id: string, config: TerraformDataConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.inputValue = config.input;
    this.triggersReplaceValue = config.triggersReplace;
  }

  /** The random id Terraform gives the resource on create. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      input: hashMapper(anyToTerraform)(this.inputValue),
      triggers_replace: hashMapper(anyToTerraform)(this.triggersReplaceValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {
      input: hashMapperHcl(anyToHclTerraform)(this.inputValue),
      triggers_replace: hashMapperHcl(anyToHclTerraform)(this.triggersReplaceValue),
    };
  }
}
