import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { RemovalPolicies, RemovalPolicy } from '../../core';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { MAX_DISK_GIB } from '../private/validation';
import { HypervVhdResource } from './l1';
import { checkWindowsPath } from './private/paths';
import { checkConstruct } from '../../core/private/shapes';

/** VHD types (`vhd_type`). */
export enum HypervVhdType {
  /** Grows on write. The provider's default. */
  DYNAMIC = 'Dynamic',
  /** Allocated up front. */
  FIXED = 'Fixed',
}

/** Props of `HypervVhd`. */
export interface HypervVhdProps {
  /** Absolute path of the .vhdx (or .vhd) on the Hyper-V host, e.g. `D:\\Hyper-V\\web01\\os.vhdx`. */
  readonly path: string;
  /**
   * Size in GiB (a new empty disk, or the size a copied disk grows to).
   * @default - the source's size; required without a source
   */
  readonly sizeGiB?: number;
  /**
   * URL or host path of a golden disk to copy (`.vhdx`, or a `.box`/`.zip`/`.7z` to expand).
   * @default - a new empty disk
   */
  readonly source?: string;
  /**
   * Disk type of a new empty disk (not with `source`).
   * @default HypervVhdType.DYNAMIC
   */
  readonly vhdType?: HypervVhdType;
  /**
   * What happens to the disk and its data on destroy.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true`)
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A Hyper-V virtual disk (`hyperv_vhd`), protected from destroy by default: Terraform refuses to
 * delete it (`lifecycle.prevent_destroy`) unless `removalPolicy` is DESTROY.
 */
export class HypervVhd extends Construct {
  /** The underlying `hyperv_vhd`. */
  public readonly resource: HypervVhdResource;
  /** The disk path, as a reference (gives Terraform the dependency). */
  public readonly vhdPath: string;

  constructor(scope: Construct, id: string, props: HypervVhdProps) {
    checkConstruct(scope, id, 'HypervVhd', [props]);
    super(scope, id);
    checkWindowsPath(this, 'path', props?.path, true);
    if (props.sizeGiB !== undefined) {
      checkIntegerRange(this, 'sizeGiB', props.sizeGiB, 1, MAX_DISK_GIB, 'Give a whole number of GiB (a VHDX holds up to 64 TiB).');
    }
    if (props.source === undefined && props.sizeGiB === undefined) {
      throw invalid(this, 'sizeGiB', 'is required for a new empty disk', undefined, 'Give sizeGiB, or a source disk to copy.');
    }
    if (props.source !== undefined && props.vhdType !== undefined) {
      throw invalid(this, 'vhdType', 'cannot be combined with source (the provider rejects it)', props.vhdType, 'Drop vhdType: a copied disk keeps its type.');
    }
    if (props.vhdType !== undefined && !Object.values(HypervVhdType).includes(props.vhdType)) {
      throw invalid(this, 'vhdType', 'is not a VHD type', props.vhdType, 'Use HypervVhdType.DYNAMIC or HypervVhdType.FIXED.');
    }
    if (props.source !== undefined && !isUnresolved(props.source) && /^http:\/\//i.test(props.source)) {
      Annotations.of(this).addWarning('source is a plain http:// URL: the golden disk can be altered in transit. Use https:// or a host path.');
    }
    this.resource = new HypervVhdResource(this, 'Resource', {
      path: props.path,
      source: props.source,
      vhdType: props.source === undefined ? props.vhdType ?? HypervVhdType.DYNAMIC : undefined,
      // GiB are multiples of 4096 bytes, as the provider requires.
      size: props.sizeGiB !== undefined ? props.sizeGiB * 1024 * 1024 * 1024 : undefined,
    });
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    if (props.removalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarning('removalPolicy is DESTROY: terraform destroy deletes the disk and its data.');
    }
    this.vhdPath = this.resource.path;
  }
}
