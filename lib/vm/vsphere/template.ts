import { ContentLibrary } from '@cdktf/provider-vsphere/lib/content-library';
import { ContentLibraryItem } from '@cdktf/provider-vsphere/lib/content-library-item';
import { DataVsphereComputeCluster } from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import { DataVsphereDatacenter } from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import { DataVsphereDatastore } from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import { DataVsphereNetwork } from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import { DataVsphereVirtualMachine } from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import { Construct, IConstruct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { checkArgs, checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Where a template comes from. */
export enum TemplateSourceKind {
  /** A VM template that already exists in vCenter, looked up by name. */
  EXISTING_TEMPLATE = 'EXISTING_TEMPLATE',
  /** An OVF/OVA imported into a new content library from a URL. */
  OVF_URL = 'OVF_URL',
  /** An item of an existing content library. */
  CONTENT_LIBRARY_ITEM = 'CONTENT_LIBRARY_ITEM',
}

/** Options for `TemplateSource.ovfUrl`. */
export interface OvfTemplateOptions {
  /**
   * Name of the content library created for the template.
   * @default - `<construct id>-library`
   */
  readonly libraryName?: string;
  /**
   * Name of the content library item.
   * @default - the construct id
   */
  readonly itemName?: string;
  /**
   * Description of the item.
   * @default - "Golden image managed by cdktf-hybrid"
   */
  readonly description?: string;
}

/** The source of a golden template: an existing template, an OVF/OVA URL or a content library item. */
export class TemplateSource {
  /** An existing VM template in the datacenter, looked up by name (`data.vsphere_virtual_machine`). */
  public static existingTemplate(templateName: string): TemplateSource {
    checkArgs('TemplateSource.existingTemplate', 'TemplateSource.existingTemplate', [templateName]);
    return new TemplateSource(TemplateSourceKind.EXISTING_TEMPLATE, templateName, undefined, undefined, undefined, undefined);
  }

  /**
   * An OVF or OVA file fetched over HTTPS into a new content library (`vsphere_content_library` + `vsphere_content_library_item`).
   *
   * @param url an `https://` URL ending in lower-case `.ova` or `.ovf`, without a query string (the
   *   provider picks the OVA or OVF import path by that suffix alone)
   */
  public static ovfUrl(url: string, options: OvfTemplateOptions = {}): TemplateSource {
    checkArgs('TemplateSource.ovfUrl', 'TemplateSource.ovfUrl', [url, options]);
    return new TemplateSource(TemplateSourceKind.OVF_URL, undefined, url, options.libraryName, options.itemName, options.description);
  }

  /** An item of an existing content library, looked up by names (`data.vsphere_content_library_item`). */
  public static contentLibraryItem(libraryName: string, itemName: string): TemplateSource {
    checkArgs('TemplateSource.contentLibraryItem', 'TemplateSource.contentLibraryItem', [libraryName, itemName]);
    return new TemplateSource(TemplateSourceKind.CONTENT_LIBRARY_ITEM, undefined, undefined, libraryName, itemName, undefined);
  }

  /** Where the template comes from. */
  public readonly kind: TemplateSourceKind;
  /**
   * Name of the existing template.
   * @default - not an existing template
   */
  public readonly templateName?: string;
  /**
   * The OVF/OVA URL.
   * @default - not an OVF source
   */
  public readonly url?: string;
  /**
   * Content library name.
   * @default - not a content library source
   */
  public readonly libraryName?: string;
  /**
   * Content library item name.
   * @default - not a content library source
   */
  public readonly itemName?: string;
  /**
   * Item description.
   * @default - none
   */
  public readonly description?: string;

  private constructor(kind: TemplateSourceKind, templateName: string | undefined, url: string | undefined,
    libraryName: string | undefined, itemName: string | undefined, description: string | undefined) {
    this.kind = kind;
    this.templateName = templateName;
    this.url = url;
    this.libraryName = libraryName;
    this.itemName = itemName;
    this.description = description;
  }
}

/** A golden template plus the inventory (datacenter, cluster, datastore, networks) VMs are cloned into. */
export interface IVmTemplate extends IConstruct {
  /** What `clone.template_uuid` takes: the template's UUID or the content library item id. */
  readonly templateUuid: string;
  /** The datacenter's managed object id. */
  readonly datacenterId: string;
  /** The compute cluster's id (for DRS/HA rules). */
  readonly computeClusterId: string;
  /** The cluster's root resource pool id. */
  readonly resourcePoolId: string;
  /** The datastore's id. */
  readonly datastoreId: string;
  /**
   * The template's guest OS id.
   * @default - unknown (content library items): pass `guestId` to the VM
   */
  readonly guestId?: string;
  /**
   * The template's SCSI controller type.
   * @default - unknown (content library items)
   */
  readonly scsiType?: string;
  /**
   * The template's firmware (`bios` or `efi`), when a data source exposes it (existing templates).
   * @default - unknown (content library items)
   */
  readonly firmware?: string;
  /**
   * The template's virtual hardware version, when known (site input: the data sources do not expose it).
   * @default - unknown
   */
  readonly hardwareVersion?: number;
  /** The id of a network in the datacenter, looked up by name (one `data.vsphere_network` per name). */
  networkId(networkName: string): string;
}

/** Props of `VmTemplate`. */
export interface VmTemplateProps {
  /** Where the template comes from. */
  readonly source: TemplateSource;
  /** Name of the datacenter. */
  readonly datacenterName: string;
  /** Name of the compute cluster VMs are placed in. */
  readonly computeClusterName: string;
  /** Name of the datastore for the content library and the VMs. */
  readonly datastoreName: string;
  /**
   * The template's virtual hardware version (e.g. 21 for a template built on vSphere 8.0 U2).
   *
   * The provider cannot downgrade a clone: a VM whose `hardware_version` is below the template's is
   * created and then fails the apply ("cannot downgrade virtual machine hardware version"). With
   * this set, `SecureVirtualMachine` defaults to the higher of 20 and this version and rejects a
   * lower `hardwareVersion`. No data source exposes it, so give it here.
   * @default - unknown: VMs default to 20; a template above 20 needs `hardwareVersion` on the VM
   */
  readonly hardwareVersion?: number;
}

/**
 * vmware/vsphere 2.15.0 decides OVA vs OVF with a case-sensitive `strings.HasSuffix(url, ".ova")` on
 * the whole URL: an upper-case extension or a query string (signed URLs) sends an OVA down the
 * OVF path and the import fails at apply. Only lower-case `.ova`/`.ovf` at the very end pass.
 */
const OVF_URL = /^https:\/\/[^\s/?#]+\/[^\s?#]*\.(ova|ovf)$/;

/**
 * A golden VM template and the inventory VMs are cloned into.
 *
 * Looks up the datacenter, compute cluster and datastore by name (`data.vsphere_datacenter`,
 * `data.vsphere_compute_cluster`, `data.vsphere_datastore`) and networks on demand
 * (`networkId(name)` → `data.vsphere_network`). The template itself is either an existing
 * template (`data.vsphere_virtual_machine`), an OVF/OVA imported from an HTTPS URL into a new
 * content library (`vsphere_content_library` + `vsphere_content_library_item`), or an item of an
 * existing content library.
 *
 * Keep the template itself clean: a clone inherits its floppy, serial, parallel and USB devices,
 * which no Terraform attribute can remove (see `VmHardening.unexpressibleControls()`).
 */
export class VmTemplate extends Construct implements IVmTemplate {
  public readonly templateUuid: string;
  public readonly datacenterId: string;
  public readonly computeClusterId: string;
  public readonly resourcePoolId: string;
  public readonly datastoreId: string;
  public readonly guestId?: string;
  public readonly scsiType?: string;
  public readonly hardwareVersion?: number;
  public readonly firmware?: string;
  /** Where the template comes from. */
  public readonly source: TemplateSource;
  /** The datacenter lookup. */
  public readonly datacenterData: DataVsphereDatacenter;
  /** The compute cluster lookup. */
  public readonly computeClusterData: DataVsphereComputeCluster;
  /** The datastore lookup. */
  public readonly datastoreData: DataVsphereDatastore;
  /**
   * The existing template's lookup.
   * @default - not an existing template
   */
  public readonly templateData?: DataVsphereVirtualMachine;
  /**
   * The content library created for an OVF/OVA source.
   * @default - not an OVF source
   */
  public readonly libraryResource?: ContentLibrary;
  /**
   * The content library item created for an OVF/OVA source.
   * @default - not an OVF source
   */
  public readonly libraryItemResource?: ContentLibraryItem;

  private readonly networks = new Map<string, DataVsphereNetwork>();

  constructor(scope: Construct, id: string, props: VmTemplateProps) {
    checkConstruct(scope, id, 'VmTemplate', [props]);
    super(scope, id);
    const source = props.source;
    if (!(source instanceof TemplateSource)) {
      throw invalid(this, 'source', 'must be a TemplateSource', source, 'Use TemplateSource.existingTemplate("name") or TemplateSource.ovfUrl("https://...").');
    }
    for (const key of ['datacenterName', 'computeClusterName', 'datastoreName'] as const) {
      if (typeof props[key] !== 'string' || props[key].trim() === '') {
        throw invalid(this, key, 'is required', props[key], `Give the vCenter name of the ${key.replace('Name', '')}.`);
      }
    }
    if (source.kind === TemplateSourceKind.EXISTING_TEMPLATE && (typeof source.templateName !== 'string' || source.templateName.trim() === '')) {
      throw invalid(this, 'source.templateName', 'is required', source.templateName, 'Give the template name as vCenter shows it.');
    }
    if (source.kind === TemplateSourceKind.OVF_URL && !isUnresolved(source.url) && !OVF_URL.test(source.url ?? '')) {
      throw invalid(this, 'source.url', 'must be an https:// URL of an .ova or .ovf file', source.url,
        'Serve the image over HTTPS (an http:// download can be tampered with), e.g. "https://images.example.com/ubuntu-22.04.ova"; '
        + 'vmware/vsphere 2.15.0 detects an OVA only by a URL ending in ".ova", so rename ".OVA" files and drop "?..." parameters.');
    }
    if (source.kind === TemplateSourceKind.CONTENT_LIBRARY_ITEM && (!source.libraryName || !source.itemName)) {
      throw invalid(this, 'source', 'needs libraryName and itemName', { libraryName: source.libraryName, itemName: source.itemName },
        'Use TemplateSource.contentLibraryItem("library", "item").');
    }
    if (props.hardwareVersion !== undefined) {
      checkIntegerRange(this, 'hardwareVersion', props.hardwareVersion, 4, 22, 'Give the template\'s virtual hardware version, e.g. 20 (vSphere 8.0) or 21 (8.0 U2).');
    }
    this.hardwareVersion = props.hardwareVersion;
    this.source = source;

    this.datacenterData = new vsphere.DataVsphereDatacenter(this, 'Datacenter', { name: props.datacenterName });
    this.computeClusterData = new vsphere.DataVsphereComputeCluster(this, 'ComputeCluster', {
      name: props.computeClusterName, datacenterId: this.datacenterData.id,
    });
    this.datastoreData = new vsphere.DataVsphereDatastore(this, 'Datastore', { name: props.datastoreName, datacenterId: this.datacenterData.id });
    this.datacenterId = this.datacenterData.id;
    this.computeClusterId = this.computeClusterData.id;
    this.resourcePoolId = this.computeClusterData.resourcePoolId;
    this.datastoreId = this.datastoreData.id;

    switch (source.kind) {
      case TemplateSourceKind.EXISTING_TEMPLATE:
        this.templateData = new vsphere.DataVsphereVirtualMachine(this, 'Template', { name: source.templateName!, datacenterId: this.datacenterData.id });
        this.templateUuid = this.templateData.uuid;
        this.guestId = this.templateData.guestId;
        this.scsiType = this.templateData.scsiType;
        this.firmware = this.templateData.firmware;
        break;
      case TemplateSourceKind.OVF_URL:
        this.libraryResource = new vsphere.ContentLibrary(this, 'Library', {
          name: source.libraryName ?? `${id}-library`,
          description: 'Golden images managed by cdktf-hybrid',
          storageBacking: [this.datastoreId],
        });
        this.libraryItemResource = new vsphere.ContentLibraryItem(this, 'Resource', {
          libraryId: this.libraryResource.id,
          name: source.itemName ?? id,
          description: source.description ?? 'Golden image managed by cdktf-hybrid',
          fileUrl: source.url!,
          type: 'ovf',
        });
        this.templateUuid = this.libraryItemResource.id;
        break;
      default: {
        const library = new vsphere.DataVsphereContentLibrary(this, 'Library', { name: source.libraryName! });
        const item = new vsphere.DataVsphereContentLibraryItem(this, 'LibraryItem', { libraryId: library.id, name: source.itemName!, type: 'ovf' });
        this.templateUuid = item.id;
      }
    }
  }

  public networkId(networkName: string): string {
    if (typeof networkName !== 'string' || networkName.trim() === '') {
      throw invalid(this, 'networkName', 'is required', networkName, 'Give the network or port group name as vCenter shows it.');
    }
    let data = this.networks.get(networkName);
    if (!data) {
      const logicalId = `Network-${networkName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      data = new vsphere.DataVsphereNetwork(this, logicalId, { name: networkName, datacenterId: this.datacenterId });
      this.networks.set(networkName, data);
    }
    return data.id;
  }
}
