import { DataVsphereHost } from '@cdktf/provider-vsphere/lib/data-vsphere-host';
import { DataVsphereHostPciDevice } from '@cdktf/provider-vsphere/lib/data-vsphere-host-pci-device';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Props of `HostPciDevice`. */
export interface HostPciDeviceProps {
  /** The datacenter id (e.g. `template.datacenterId`). */
  readonly datacenterId: string;
  /** Name of the ESXi host that owns the device, as vCenter shows it. */
  readonly hostName: string;
  /**
   * PCI vendor id in hex, e.g. `10de` for NVIDIA. Required unless `pciAddress` is given.
   *
   * Ids from `8000` up (Intel's `8086`, for one) cannot be looked up: vmware/vsphere 2.15.0 parses
   * `vendor_id` as a signed 16-bit number and the lookup fails with "value out of range". Give
   * `pciAddress` for such devices.
   * @default - none (then `pciAddress` is required)
   */
  readonly vendorId?: string;
  /**
   * PCI class id in hex, e.g. `0302` for a 3D controller (data-centre GPUs). Below `8000`, like `vendorId`.
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
  /**
   * The device's PCI address on the host (`domain:bus:device.function`, e.g. `0000:3b:00.0`, as
   * `esxcli hardware pci list` or the vSphere Client show it): used as the `pci_device_id` directly,
   * without a `data.vsphere_host_pci_device` lookup.
   *
   * Needed for the second and further identical devices of a host: the lookup returns the first
   * device that matches vendor, class and name, so two lookups of identical GPUs return the same
   * device. Also needed for vendor ids from `8000` up.
   * @default - the device is looked up by `vendorId`, `classId` and `nameRegex`
   */
  readonly pciAddress?: string;
}

const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

function checkPciId(scope: Construct, prop: string, value: string | undefined, example: string): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!/^[0-9a-fA-F]{4}$/.test(value)) {
    throw invalid(scope, prop, `must be a 4-digit hex PCI ${prop === 'vendorId' ? 'vendor' : 'class'} id`, value, `Use e.g. ${example}.`);
  }
  if (parseInt(value, 16) >= 0x8000) {
    throw invalid(scope, prop, 'is 8000 or above, which vmware/vsphere 2.15.0 cannot look up (it parses the id as a signed 16-bit number)', value,
      'Give the device by pciAddress instead (e.g. "0000:3b:00.0" from esxcli hardware pci list).');
  }
}

/**
 * A PCI device on an ESXi host, approved for DirectPath I/O passthrough.
 *
 * Looks the host up (`data.vsphere_host`) and the device on it (`data.vsphere_host_pci_device`
 * by vendor id, class id and name; or by its PCI address). Pass it to `SecureVirtualMachine`'s `passthrough.devices`;
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
  /**
   * The device lookup.
   * @default - none when `pciAddress` is given
   */
  public readonly deviceData?: DataVsphereHostPciDevice;
  /**
   * The PCI address given in props.
   * @default - none (the device is looked up)
   */
  public readonly pciAddress?: string;
  /**
   * What identifies the device at synth time: two devices with the same key resolve to the same
   * physical device (the provider's lookup returns the first match).
   */
  public readonly lookupKey: string;

  constructor(scope: Construct, id: string, props: HostPciDeviceProps) {
    checkConstruct(scope, id, 'HostPciDevice', [props]);
    super(scope, id);
    if (typeof props.hostName !== 'string' || props.hostName.trim() === '') {
      throw invalid(this, 'hostName', 'is required', props.hostName, 'Give the ESXi host name, e.g. "esx-gpu-01.corp.example".');
    }
    if (props.pciAddress !== undefined) {
      if (!isUnresolved(props.pciAddress) && !PCI_ADDRESS.test(props.pciAddress)) {
        throw invalid(this, 'pciAddress', 'is not a PCI address', props.pciAddress,
          'Give domain:bus:device.function, e.g. "0000:3b:00.0" (esxcli hardware pci list).');
      }
      for (const key of ['vendorId', 'classId', 'nameRegex'] as const) {
        if (props[key] !== undefined) {
          throw invalid(this, key, 'cannot be combined with pciAddress', props[key], `Drop ${key}: pciAddress names the device itself.`);
        }
      }
    } else {
      if (props.vendorId === undefined) {
        throw invalid(this, 'vendorId', 'is required without pciAddress', undefined, 'Give the vendor id (e.g. "10de" for NVIDIA), or the device\'s pciAddress.');
      }
      checkPciId(this, 'vendorId', props.vendorId, '"10de" (NVIDIA) or "1002" (AMD)');
      checkPciId(this, 'classId', props.classId, '"0302" (3D controller) or "0300" (VGA)');
    }
    checkIntegerRange(this, 'deviceMemoryGB', props.deviceMemoryGB, 1, 4096, 'Give the device memory in whole GB, e.g. 80.');
    this.hostName = props.hostName;
    this.deviceMemoryGB = props.deviceMemoryGB;
    this.pciAddress = props.pciAddress;
    this.hostData = new vsphere.DataVsphereHost(this, 'Host', { name: props.hostName, datacenterId: props.datacenterId });
    this.hostSystemId = this.hostData.id;
    if (props.pciAddress !== undefined) {
      this.pciDeviceId = props.pciAddress;
      this.lookupKey = `address:${props.hostName}:${props.pciAddress.toLowerCase()}`;
    } else {
      this.deviceData = new vsphere.DataVsphereHostPciDevice(this, 'Resource', {
        hostId: this.hostData.id,
        vendorId: props.vendorId,
        classId: props.classId,
        nameRegex: props.nameRegex,
      });
      this.pciDeviceId = this.deviceData.id;
      this.lookupKey = `lookup:${props.hostName}:${props.vendorId!.toLowerCase()}:${(props.classId ?? '').toLowerCase()}:${props.nameRegex ?? ''}`;
    }
  }
}
