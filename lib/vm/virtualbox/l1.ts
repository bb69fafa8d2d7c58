// Hand-written cdktf L1 bindings for the VirtualBox provider: the `virtualbox_vm` schema shared by
// terra-farm/virtualbox 0.2.2-alpha.1 and its fork shekeriev/virtualbox 0.0.4 (the default), as
// recorded in docs/providers-hyperv-virtualbox.md. test/vm/virtualbox/schema/*.json holds the
// attribute names per block. Deprecated (`url`) and computed-only attributes are never emitted.
import { TerraformMetaArguments, TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { BlockShape, checkEnums, EnumTable, metaArguments, renderBlock, renderHclBlock } from '../private/l1';

/** Which published VirtualBox provider the configuration is for. Both share the `virtualbox_vm` schema. */
export enum VirtualBoxProviderSource {
  /** shekeriev/virtualbox 0.0.4: terraform-plugin-sdk v2; takes `delay` and `mintimeout`. The default. */
  SHEKERIEV = 'shekeriev/virtualbox',
  /** terra-farm/virtualbox 0.2.2-alpha.1: the unmaintained original; its provider block takes no arguments. */
  TERRA_FARM = 'terra-farm/virtualbox',
}

/** The exact version of each source (a pre-release can only be selected by an exact constraint). */
export const VIRTUALBOX_PROVIDER_VERSIONS: { [source: string]: string } = {
  [VirtualBoxProviderSource.SHEKERIEV]: '0.0.4',
  [VirtualBoxProviderSource.TERRA_FARM]: '0.2.2-alpha.1',
};

const VM_SHAPE: BlockShape = [
  'name', 'image', 'cpus', 'memory', 'status', 'user_data', 'checksum', 'checksum_type', 'optical_disks', 'boot_order',
  ['network_adapter', ['type', 'device', 'host_interface']],
];

const VM_ENUMS: EnumTable = {
  'network_adapter.type': ['nat', 'bridged', 'hostonly', 'internal', 'generic'],
  'network_adapter.device': ['PCIII', 'FASTIII', 'IntelPro1000MTDesktop', 'IntelPro1000TServer', 'IntelPro1000MTServer', 'VirtIO'],
  'status': ['running', 'poweroff', 'paused', 'saved', 'aborted'],
  'checksum_type': ['md5', 'sha1', 'sha256', 'sha512'],
};

const BOOT_DEVICES = ['none', 'floppy', 'dvd', 'disk', 'net'];

const PROVIDER_SHAPE: BlockShape = ['delay', 'mintimeout', 'alias'];

/** The provider's read-back form of a memory size: `512 mib`, `2.0 gib`, `16 gib` (lower-case IEC, one decimal below 10). */
export const VIRTUALBOX_MEMORY_FORMAT = /^(\d+(\.\d)?) (mib|gib|tib)$/;

/** Configuration of `provider "virtualbox"`. */
export interface VirtualBoxProviderConfig {
  /**
   * The published provider to use.
   * @default VirtualBoxProviderSource.SHEKERIEV
   */
  readonly source?: VirtualBoxProviderSource;
  /** shekeriev 0.0.4 only: seconds before the first IP poll. @default 60 */
  readonly delay?: number;
  /** shekeriev 0.0.4 only: seconds between IP polls. @default 5 */
  readonly mintimeout?: number;
  /** Provider alias. @default - none */
  readonly alias?: string;
}

/** `provider "virtualbox"` (shekeriev/virtualbox 0.0.4 by default, or terra-farm/virtualbox 0.2.2-alpha.1). */
export class VirtualBoxProvider extends TerraformProvider {
  /** The published provider the block is for. */
  public readonly source: VirtualBoxProviderSource;
  /** The configuration the provider block is rendered from. */
  public readonly config: VirtualBoxProviderConfig;
  private providerAlias?: string;

  constructor(scope: Construct, id: string, config: VirtualBoxProviderConfig = {}) {
    const source = config.source ?? VirtualBoxProviderSource.SHEKERIEV;
    super(scope, id, {
      terraformResourceType: 'virtualbox',
      terraformProviderSource: source,
      terraformGeneratorMetadata: { providerName: 'virtualbox', providerVersion: VIRTUALBOX_PROVIDER_VERSIONS[source] },
    });
    if (!Object.values(VirtualBoxProviderSource).includes(source)) {
      throw invalid(this, 'source', 'is not a known VirtualBox provider', source, 'Use VirtualBoxProviderSource.SHEKERIEV or VirtualBoxProviderSource.TERRA_FARM.');
    }
    if (source === VirtualBoxProviderSource.TERRA_FARM) {
      for (const key of ['delay', 'mintimeout'] as const) {
        if (config[key] !== undefined) {
          throw invalid(this, key, 'is not an argument of terra-farm/virtualbox 0.2.2-alpha.1 (its provider block takes none)', config[key],
            'Drop it, or use VirtualBoxProviderSource.SHEKERIEV.');
        }
      }
    }
    this.source = source;
    this.config = config;
    this.providerAlias = config.alias;
  }

  /** The provider alias. */
  public get alias(): string | undefined {
    return this.providerAlias;
  }

  public set alias(value: string | undefined) {
    this.providerAlias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderBlock(this.arguments(), PROVIDER_SHAPE);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock(this.arguments(), PROVIDER_SHAPE);
  }

  /** The provider arguments of the chosen source (terra-farm takes none), with the alias. */
  private arguments(): Record<string, any> {
    const shekeriev = this.source === VirtualBoxProviderSource.SHEKERIEV;
    return { delay: shekeriev ? this.config.delay : undefined, mintimeout: shekeriev ? this.config.mintimeout : undefined, alias: this.providerAlias };
  }
}

/** Block `network_adapter` of `virtualbox_vm`. */
export interface VirtualBoxVmNetworkAdapter {
  /** "nat" / "bridged" / "hostonly" / "internal" / "generic". */
  readonly type: string;
  /** NIC model: "PCIII", "FASTIII", "IntelPro1000MTDesktop", "IntelPro1000TServer", "IntelPro1000MTServer", "VirtIO". @default "IntelPro1000MTServer" */
  readonly device?: string;
  /** Host-only interface (e.g. "vboxnet1") or bridged host NIC; required for those two types. @default - none */
  readonly hostInterface?: string;
}

/** Configuration of `virtualbox_vm`. */
export interface VirtualBoxVmConfig extends TerraformMetaArguments {
  /** VM name. */
  readonly name: string;
  /** Local path or http(s) URL of a Vagrant .box or disk tar archive. */
  readonly image: string;
  /** @default 2 */
  readonly cpus?: number;
  /** Memory in the provider's read-back form, e.g. "512 mib", "2.0 gib", "16 gib". @default "512mib" */
  readonly memory?: string;
  /** Read back only; the VM is always left running. Do not set. @default - unset */
  readonly status?: string;
  /** Stored as VM extra data on the host (never delivered to the guest). @default "" */
  readonly userData?: string;
  /** Declared but unused by the provider. @default "" */
  readonly checksum?: string;
  /** Declared but unused by the provider. @default "" */
  readonly checksumType?: string;
  /** ISO paths attached as DVDs. @default - none */
  readonly opticalDisks?: string[];
  /** Up to 4 of "none", "floppy", "dvd", "disk", "net". @default ["disk","none","none","none"] */
  readonly bootOrder?: string[];
  /** @default - none */
  readonly networkAdapter?: VirtualBoxVmNetworkAdapter[];
}

/**
 * `virtualbox_vm` of shekeriev/virtualbox 0.0.4 and terra-farm/virtualbox 0.2.2-alpha.1.
 *
 * Rejects at construction what would fail at apply or diff forever: a `memory` not in the
 * read-back form, enum values in another casing, a boot order longer than 4.
 */
export class VirtualBoxVmResource extends TerraformResource {
  /** The configuration the resource is rendered from. */
  public readonly config: VirtualBoxVmConfig;

  constructor(scope: Construct, id: string, config: VirtualBoxVmConfig) {
    super(scope, id, { terraformResourceType: 'virtualbox_vm', terraformGeneratorMetadata: { providerName: 'virtualbox' }, ...metaArguments(config) });
    if (config.memory !== undefined && !Token.isUnresolved(config.memory) && !VIRTUALBOX_MEMORY_FORMAT.test(config.memory)) {
      throw invalid(this, 'memory', 'is not in the form the provider reads back (every plan would show a diff and each apply power-cycle the VM)', config.memory,
        'Write lower-case IEC units with a space, one decimal below 10: "512 mib", "2.0 gib", "16 gib".');
    }
    const bootOrder = config.bootOrder;
    if (bootOrder !== undefined && !Token.isUnresolved(bootOrder)) {
      if (bootOrder.length > 4) {
        throw invalid(this, 'bootOrder', 'has more than 4 entries', bootOrder, 'List at most 4 boot devices, e.g. ["disk", "none", "none", "none"].');
      }
      bootOrder.forEach((d, i) => {
        if (!Token.isUnresolved(d) && !BOOT_DEVICES.includes(d)) {
          throw invalid(this, `bootOrder[${i}]`, `must be one of ${BOOT_DEVICES.join(', ')}`, d, 'Use lower-case device names, e.g. "disk".');
        }
      });
    }
    checkEnums(this, renderBlock(config, VM_SHAPE), VM_ENUMS);
    this.config = config;
  }

  /** The VM's UUID (the resource id). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The IPv4 address Guest Additions report for adapter `index` (empty without them). */
  public networkAdapterIpv4Address(index: number): string {
    return this.getStringAttribute(`network_adapter[${index}].ipv4_address`);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderBlock(this.config, VM_SHAPE);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock(this.config, VM_SHAPE);
  }
}

