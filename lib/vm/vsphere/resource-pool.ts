import { ResourcePool } from '@cdktf/provider-vsphere/lib/resource-pool';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Something VMs can be placed in: a resource pool. */
export interface IResourcePool extends IConstruct {
  /** The resource pool's id. */
  readonly resourcePoolId: string;
}

/** Relative share levels of vSphere resource allocation. */
export enum ShareLevel {
  /** Low (half of normal). */
  LOW = 'low',
  /** Normal. */
  NORMAL = 'normal',
  /** High (twice normal). */
  HIGH = 'high',
  /** A custom share count (`cpuShares` / `memoryShares`). */
  CUSTOM = 'custom',
}

/** Props of `VmResourcePool`. */
export interface VmResourcePoolProps {
  /** Name of the pool, 1-80 characters. */
  readonly name: string;
  /** Parent: a cluster's root pool (`template.resourcePoolId`) or another pool's id. */
  readonly parentResourcePoolId: string;
  /**
   * Guaranteed CPU in MHz.
   * @default 0
   */
  readonly cpuReservationMhz?: number;
  /**
   * CPU cap in MHz.
   * @default - unlimited
   */
  readonly cpuLimitMhz?: number;
  /**
   * CPU share level.
   * @default ShareLevel.NORMAL
   */
  readonly cpuShareLevel?: ShareLevel;
  /**
   * CPU shares when `cpuShareLevel` is CUSTOM.
   * @default - none
   */
  readonly cpuShares?: number;
  /**
   * Whether the CPU reservation may grow from the parent.
   * @default false
   */
  readonly cpuExpandable?: boolean;
  /**
   * Guaranteed memory in MiB.
   * @default 0
   */
  readonly memoryReservationMiB?: number;
  /**
   * Memory cap in MiB.
   * @default - unlimited
   */
  readonly memoryLimitMiB?: number;
  /**
   * Memory share level.
   * @default ShareLevel.NORMAL
   */
  readonly memoryShareLevel?: ShareLevel;
  /**
   * Memory shares when `memoryShareLevel` is CUSTOM.
   * @default - none
   */
  readonly memoryShares?: number;
  /**
   * Whether the memory reservation may grow from the parent.
   * @default false
   */
  readonly memoryExpandable?: boolean;
  /**
   * Tag ids.
   * @default - none
   */
  readonly tags?: string[];
}

const MAX = 2147483647;

/**
 * A resource pool (`vsphere_resource_pool`) with CPU and memory reservations, limits and shares.
 *
 * Reservations are fixed by default (`cpu_expandable` and `memory_expandable` false), so a tier
 * cannot borrow capacity from its parent beyond what it was granted.
 */
export class VmResourcePool extends Construct implements IResourcePool {
  public readonly resourcePoolId: string;
  /** The underlying `vsphere_resource_pool`. */
  public readonly resource: ResourcePool;

  constructor(scope: Construct, id: string, props: VmResourcePoolProps) {
    checkConstruct(scope, id, 'VmResourcePool', [props]);
    super(scope, id);
    if (typeof props.name !== 'string' || props.name.length < 1 || props.name.length > 80) {
      throw invalid(this, 'name', 'must be 1-80 characters', props.name, 'Use a short name such as "db-tier".');
    }
    for (const kind of ['cpu', 'memory'] as const) {
      const unit = kind === 'cpu' ? 'Mhz' : 'MiB';
      const reservation = (props as any)[`${kind}Reservation${unit}`] as number | undefined;
      const limit = (props as any)[`${kind}Limit${unit}`] as number | undefined;
      const level = (kind === 'cpu' ? props.cpuShareLevel : props.memoryShareLevel) ?? ShareLevel.NORMAL;
      const shares = kind === 'cpu' ? props.cpuShares : props.memoryShares;
      if (reservation !== undefined) checkIntegerRange(this, `${kind}Reservation${unit}`, reservation, 0, MAX);
      if (limit !== undefined) checkIntegerRange(this, `${kind}Limit${unit}`, limit, 1, MAX, `Give a positive ${unit} cap, or leave ${kind}Limit${unit} unset for unlimited.`);
      if (reservation !== undefined && limit !== undefined && !isUnresolved(reservation) && !isUnresolved(limit) && reservation > limit) {
        throw invalid(this, `${kind}Reservation${unit}`, `is above ${kind}Limit${unit} (${limit})`, reservation, 'Lower the reservation or raise the limit.');
      }
      if (!Object.values(ShareLevel).includes(level)) {
        throw invalid(this, `${kind}ShareLevel`, 'is not a share level', level, 'Use ShareLevel.LOW, NORMAL, HIGH or CUSTOM.');
      }
      if (level === ShareLevel.CUSTOM && shares === undefined) {
        throw invalid(this, `${kind}Shares`, `is required when ${kind}ShareLevel is CUSTOM`, shares, 'Give a share count, e.g. 4000.');
      }
      if (level !== ShareLevel.CUSTOM && shares !== undefined) {
        throw invalid(this, `${kind}Shares`, `only applies when ${kind}ShareLevel is CUSTOM`, shares, `Set ${kind}ShareLevel: ShareLevel.CUSTOM or drop ${kind}Shares.`);
      }
      if (shares !== undefined) checkIntegerRange(this, `${kind}Shares`, shares, 1, MAX);
    }
    if (props.cpuExpandable || props.memoryExpandable) {
      Annotations.of(this).addInfo('cpuExpandable/memoryExpandable: this pool may borrow reservations from its parent.');
    }
    this.resource = new vsphere.ResourcePool(this, 'Resource', {
      name: props.name,
      parentResourcePoolId: props.parentResourcePoolId,
      cpuReservation: props.cpuReservationMhz ?? 0,
      cpuLimit: props.cpuLimitMhz ?? -1,
      cpuShareLevel: props.cpuShareLevel ?? ShareLevel.NORMAL,
      cpuShares: props.cpuShares,
      cpuExpandable: props.cpuExpandable ?? false,
      memoryReservation: props.memoryReservationMiB ?? 0,
      memoryLimit: props.memoryLimitMiB ?? -1,
      memoryShareLevel: props.memoryShareLevel ?? ShareLevel.NORMAL,
      memoryShares: props.memoryShares,
      memoryExpandable: props.memoryExpandable ?? false,
      tags: props.tags,
    });
    this.resourcePoolId = this.resource.id;
  }
}
