import { DataVsphereHost } from '@cdktf/provider-vsphere/lib/data-vsphere-host';
import { DataVsphereHostPciDevice } from '@cdktf/provider-vsphere/lib/data-vsphere-host-pci-device';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';

/** Props of `HostPciDevice`. */
export interface HostPciDeviceProps {
  /** The datacenter id (e.g. `template.datacenterId`). */
  readonly datacenterId: string;
  /** Name of the ESXi host that owns the device, as vCenter shows it. */
  readonly hostName: string;
  /** PCI vendor id in hex, e.g. `10de` for NVIDIA. */
  readonly vendorId: string;
  /**
   * PCI class id in hex, e.g. `0302` for a 3D controller (data-centre GPUs).
   * @default - any class
   */
  readonly classId?: string;
  /**
   * Regular expression the device name must match, e.g. `H100`.
   * @default - any name
   */
  readonly nameRegex?: string;
  /**
   * The device's memory (BAR size) in GB, e.g. 80 for an 80 GB GPU. Sizes the 64-bit MMIO window
   * (`pciPassthru.64bitMMIOSizeGB`, PT-MMIO-SIZE): too small and the VM does not power on.
   */
  readonly deviceMemoryGB: number;
}

/**
 * A PCI device on an ESXi host, approved for DirectPath I/O passthrough.
 *
 * Looks the host up (`data.vsphere_host`) and the device on it (`data.vsphere_host_pci_device`
 * by vendor id, class id and name). Pass it to `SecureVirtualMachine`'s `passthrough.devices`;
 * the VM is then pinned to `hostSystemId` (PT-HOST-PINNED).
 */
export class HostPciDevice extends Construct {
  /** The device id for `pci_device_id`. */
  public readonly pciDeviceId: string;
  /** The id of the host that owns the device. */
  public readonly hostSystemId: string;
  /** The host name given in props (used to check that all devices of a VM sit on one host). */
  public readonly hostName: string;
  /** The device memory in GB. */
  public readonly deviceMemoryGB: number;
  /** The host lookup. */
  public readonly hostData: DataVsphereHost;
  /** The device lookup. */
  public readonly deviceData: DataVsphereHostPciDevice;

  constructor(scope: Construct, id: string, props: HostPciDeviceProps) {
    super(scope, id);
    if (typeof props.hostName !== 'string' || props.hostName.trim() === '') {
      throw invalid(this, 'hostName', 'is required', props.hostName, 'Give the ESXi host name, e.g. "esx-gpu-01.corp.example".');
    }
    if (!isUnresolved(props.vendorId) && !/^[0-9a-fA-F]{4}$/.test(props.vendorId ?? '')) {
      throw invalid(this, 'vendorId', 'must be a 4-digit hex PCI vendor id', props.vendorId, 'Use e.g. "10de" (NVIDIA) or "1002" (AMD).');
    }
    if (props.classId !== undefined && !isUnresolved(props.classId) && !/^[0-9a-fA-F]{4}$/.test(props.classId)) {
      throw invalid(this, 'classId', 'must be a 4-digit hex PCI class id', props.classId, 'Use e.g. "0302" (3D controller) or "0300" (VGA).');
    }
    checkIntegerRange(this, 'deviceMemoryGB', props.deviceMemoryGB, 1, 4096, 'Give the device memory in whole GB, e.g. 80.');
    this.hostName = props.hostName;
    this.deviceMemoryGB = props.deviceMemoryGB;
    this.hostData = new DataVsphereHost(this, 'Host', { name: props.hostName, datacenterId: props.datacenterId });
    this.deviceData = new DataVsphereHostPciDevice(this, 'Resource', {
      hostId: this.hostData.id,
      vendorId: props.vendorId,
      classId: props.classId,
      nameRegex: props.nameRegex,
    });
    this.hostSystemId = this.hostData.id;
    this.pciDeviceId = this.deviceData.id;
  }
}
