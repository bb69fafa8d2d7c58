// Hand-written cdktf L1 bindings for taliesins/hyperv 1.2.1 (`cdktf get` cannot run here). The
// attribute names, value forms and defaults are the provider's Go schema, as recorded in
// docs/providers-hyperv-virtualbox.md; test/vm/hyperv/schema/*.json holds the attribute names per
// block and the tests compare every emitted block with it. Computed-only attributes are never emitted.
import { TerraformMetaArguments, TerraformProvider, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { BlockShape, checkEnums, EnumTable, metaArguments, renderBlock, renderHclBlock } from '../private/l1';

/** Registry address of the Hyper-V provider. */
export const HYPERV_PROVIDER_SOURCE = 'taliesins/hyperv';
/** The provider version the bindings are written for. */
export const HYPERV_PROVIDER_VERSION = '1.2.1';

const ON_OFF = ['On', 'Off'];

const PROVIDER_SHAPE: BlockShape = [
  'user', 'password', 'host', 'port', 'https', 'insecure', 'use_ntlm', 'kerberos_realm', 'kerberos_service_principal_name',
  'kerberos_config', 'kerberos_credential_cache', 'tls_server_name', 'cacert_path', 'cert_path', 'key_path', 'script_path', 'timeout',
];

const PROVIDER_SHAPE_WITH_ALIAS: BlockShape = [...PROVIDER_SHAPE, 'alias'];

const MACHINE_SHAPE: BlockShape = [
  'name', 'path', 'generation', 'automatic_critical_error_action', 'automatic_critical_error_action_timeout', 'automatic_start_action',
  'automatic_start_delay', 'automatic_stop_action', 'checkpoint_type', 'dynamic_memory', 'static_memory', 'memory_startup_bytes',
  'memory_minimum_bytes', 'memory_maximum_bytes', 'processor_count', 'guest_controlled_cache_types', 'high_memory_mapped_io_space',
  'low_memory_mapped_io_space', 'lock_on_disconnect', 'notes', 'smart_paging_file_path', 'snapshot_file_location', 'integration_services',
  'state', 'wait_for_state_timeout', 'wait_for_state_poll_period', 'wait_for_ips_timeout', 'wait_for_ips_poll_period',
  ['vm_processor', [
    'compatibility_for_migration_enabled', 'compatibility_for_older_operating_systems_enabled', 'hw_thread_count_per_core', 'maximum',
    'reserve', 'relative_weight', 'maximum_count_per_numa_node', 'maximum_count_per_numa_socket', 'enable_host_resource_protection',
    'expose_virtualization_extensions',
  ]],
  ['network_adaptors', [
    'name', 'switch_name', 'management_os', 'is_legacy', 'dynamic_mac_address', 'static_mac_address', 'mac_address_spoofing', 'dhcp_guard',
    'router_guard', 'port_mirroring', 'ieee_priority_tag', 'vmq_weight', 'iov_queue_pairs_requested', 'iov_interrupt_moderation', 'iov_weight',
    'ipsec_offload_maximum_security_association', 'maximum_bandwidth', 'minimum_bandwidth_absolute', 'minimum_bandwidth_weight',
    'mandatory_feature_id', 'resource_pool_name', 'test_replica_pool_name', 'test_replica_switch_name', 'virtual_subnet_id', 'allow_teaming',
    'not_monitored_in_cluster', 'storm_limit', 'dynamic_ip_address_limit', 'device_naming', 'fix_speed_10g', 'packet_direct_num_procs',
    'packet_direct_moderation_count', 'packet_direct_moderation_interval', 'vrss_enabled', 'vmmq_enabled', 'vmmq_queue_pairs', 'vlan_access',
    'vlan_id', 'wait_for_ips',
  ]],
  ['dvd_drives', ['controller_number', 'controller_location', 'path', 'resource_pool_name']],
  ['hard_disk_drives', [
    'controller_type', 'controller_number', 'controller_location', 'path', 'disk_number', 'resource_pool_name', 'support_persistent_reservations',
    'maximum_iops', 'minimum_iops', 'qos_policy_id', 'override_cache_attributes',
  ]],
  ['vm_firmware', [
    ['boot_order', ['boot_type', 'network_adapter_name', 'switch_name', 'mac_address', 'path', 'controller_number', 'controller_location']],
    'enable_secure_boot', 'secure_boot_template', 'preferred_network_boot_protocol', 'console_mode', 'pause_after_boot_failure',
  ]],
  'timeouts',
];

const MACHINE_ENUMS: EnumTable = {
  'automatic_critical_error_action': ['Pause', 'None'],
  'automatic_start_action': ['Nothing', 'StartIfRunning', 'Start'],
  'automatic_stop_action': ['TurnOff', 'Save', 'ShutDown'],
  'checkpoint_type': ['Disabled', 'Standard', 'Production', 'ProductionOnly'],
  'lock_on_disconnect': ON_OFF,
  'state': ['Running', 'Off'],
  'network_adaptors.mac_address_spoofing': ON_OFF,
  'network_adaptors.dhcp_guard': ON_OFF,
  'network_adaptors.router_guard': ON_OFF,
  'network_adaptors.port_mirroring': ['None', 'Source', 'Destination'],
  'network_adaptors.ieee_priority_tag': ON_OFF,
  'network_adaptors.iov_interrupt_moderation': ['Default', 'Adaptive', 'Off', 'Low', 'Medium', 'High'],
  'network_adaptors.allow_teaming': ON_OFF,
  'network_adaptors.device_naming': ON_OFF,
  'network_adaptors.fix_speed_10g': ON_OFF,
  'hard_disk_drives.controller_type': ['Ide', 'Scsi'],
  'hard_disk_drives.override_cache_attributes': ['Default', 'WriteCacheEnabled', 'WriteCacheAndFUAEnabled', 'WriteCacheDisabled'],
  'vm_firmware.enable_secure_boot': ON_OFF,
  'vm_firmware.preferred_network_boot_protocol': ['IPv4', 'IPv6'],
  'vm_firmware.console_mode': ['Default', 'COM1', 'COM2', 'None'],
  'vm_firmware.pause_after_boot_failure': ON_OFF,
};

const SWITCH_SHAPE: BlockShape = [
  'name', 'notes', 'switch_type', 'allow_management_os', 'net_adapter_names', 'enable_embedded_teaming', 'enable_iov', 'enable_packet_direct',
  'minimum_bandwidth_mode', 'default_flow_minimum_bandwidth_absolute', 'default_flow_minimum_bandwidth_weight', 'default_queue_vmmq_enabled',
  'default_queue_vmmq_queue_pairs', 'default_queue_vrss_enabled', 'timeouts',
];

const SWITCH_ENUMS: EnumTable = {
  switch_type: ['Internal', 'Private', 'External'],
  minimum_bandwidth_mode: ['Absolute', 'Default', 'None', 'Weight'],
};

const VHD_SHAPE: BlockShape = [
  'path', 'source', 'source_vm', 'source_disk', 'vhd_type', 'parent_path', 'size', 'block_size', 'logical_sector_size', 'physical_sector_size', 'timeouts',
];

const VHD_ENUMS: EnumTable = { vhd_type: ['Unknown', 'Fixed', 'Dynamic', 'Differencing'] };

/** `timeouts` of the Hyper-V resources: Go duration strings such as `"45m"`. */
export interface HypervTimeouts {
  /** Create timeout. @default - the provider's (VM 30m, switch/VHD 5m) */
  readonly create?: string;
  /** Read timeout. @default - the provider's */
  readonly read?: string;
  /** Update timeout. @default - the provider's */
  readonly update?: string;
  /** Delete timeout. @default - the provider's */
  readonly delete?: string;
}

/** Configuration of `provider "hyperv"` (every attribute falls back to a `HYPERV_*` environment variable). */
export interface HypervProviderConfig {
  /** WinRM account. Pass a Terraform variable, never a literal. @default - `HYPERV_USER`, else "Administrator" */
  readonly user?: string;
  /** WinRM password (not marked sensitive by the provider): pass a sensitive Terraform variable. @default - `HYPERV_PASSWORD` */
  readonly password?: string;
  /** Hyper-V host name or address. @default - `HYPERV_HOST`, else "127.0.0.1" */
  readonly host?: string;
  /** WinRM port. @default 5986 */
  readonly port?: number;
  /** WinRM over HTTPS. @default true */
  readonly https?: boolean;
  /** Skip TLS certificate verification. Keep false. @default false */
  readonly insecure?: boolean;
  /** NTLM transport. @default true */
  readonly useNtlm?: boolean;
  /** Kerberos realm; switches the transport to Kerberos. @default - none */
  readonly kerberosRealm?: string;
  /** Kerberos service principal name. @default - none */
  readonly kerberosServicePrincipalName?: string;
  /** krb5.conf path. @default "/etc/krb5.conf" */
  readonly kerberosConfig?: string;
  /** Kerberos credential cache path. @default - none */
  readonly kerberosCredentialCache?: string;
  /** Name to verify in the host certificate. @default - none */
  readonly tlsServerName?: string;
  /** PEM CA bundle path. @default - none */
  readonly cacertPath?: string;
  /** Client certificate path. @default - none */
  readonly certPath?: string;
  /** Client key path. @default - none */
  readonly keyPath?: string;
  /** Where helper scripts are written on the host. @default "C:/Temp/terraform_%RAND%.cmd" */
  readonly scriptPath?: string;
  /** WinRM operation timeout, a Go duration. @default "30s" */
  readonly timeout?: string;
  /** Provider alias. @default - none */
  readonly alias?: string;
}

/** `provider "hyperv"` of taliesins/hyperv 1.2.1. */
export class HypervProvider extends TerraformProvider {
  /** The configuration the provider block is rendered from. */
  public readonly config: HypervProviderConfig;
  private providerAlias?: string;

  constructor(scope: Construct, id: string, config: HypervProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'hyperv',
      terraformProviderSource: HYPERV_PROVIDER_SOURCE,
      terraformGeneratorMetadata: { providerName: 'hyperv', providerVersion: HYPERV_PROVIDER_VERSION },
    });
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
    return renderBlock({ ...this.config, alias: this.providerAlias }, PROVIDER_SHAPE_WITH_ALIAS);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock({ ...this.config, alias: this.providerAlias }, PROVIDER_SHAPE_WITH_ALIAS);
  }
}

/** Block `vm_processor` of `hyperv_machine_instance` (max 1). */
export interface HypervMachineInstanceVmProcessor {
  /** Mask CPU features for migration. @default false */
  readonly compatibilityForMigrationEnabled?: boolean;
  /** Compatibility for older guests. @default false */
  readonly compatibilityForOlderOperatingSystemsEnabled?: boolean;
  /** SMT threads per core (0 = host). @default 0 */
  readonly hwThreadCountPerCore?: number;
  /** CPU cap in percent. @default 100 */
  readonly maximum?: number;
  /** CPU reserve in percent. @default 0 */
  readonly reserve?: number;
  /** Scheduling weight. @default 100 */
  readonly relativeWeight?: number;
  /** @default 0 */
  readonly maximumCountPerNumaNode?: number;
  /** @default 0 */
  readonly maximumCountPerNumaSocket?: number;
  /** Host throttles abusive VMbus/intercept activity. @default false */
  readonly enableHostResourceProtection?: boolean;
  /** Nested virtualization. @default false */
  readonly exposeVirtualizationExtensions?: boolean;
}

/** Block `network_adaptors` of `hyperv_machine_instance` (note the provider's spelling). */
export interface HypervMachineInstanceNetworkAdaptors {
  /** Adapter name. */
  readonly name: string;
  /** Virtual switch name. @default "" */
  readonly switchName?: string;
  /** @default false */
  readonly managementOs?: boolean;
  /** Legacy adapter (generation 1 only). @default false */
  readonly isLegacy?: boolean;
  /** @default true */
  readonly dynamicMacAddress?: boolean;
  /** @default "" */
  readonly staticMacAddress?: string;
  /** "On" / "Off". @default "Off" */
  readonly macAddressSpoofing?: string;
  /** "On" / "Off". @default "Off" */
  readonly dhcpGuard?: string;
  /** "On" / "Off". @default "Off" */
  readonly routerGuard?: string;
  /** "None" / "Source" / "Destination". @default "None" */
  readonly portMirroring?: string;
  /** "On" / "Off". @default "Off" */
  readonly ieeePriorityTag?: string;
  /** @default 100 */
  readonly vmqWeight?: number;
  /** @default 1 */
  readonly iovQueuePairsRequested?: number;
  /** @default "Off" */
  readonly iovInterruptModeration?: string;
  /** @default 100 */
  readonly iovWeight?: number;
  /** @default 512 */
  readonly ipsecOffloadMaximumSecurityAssociation?: number;
  /** Bits/s, 0 = unlimited. @default 0 */
  readonly maximumBandwidth?: number;
  /** @default 0 */
  readonly minimumBandwidthAbsolute?: number;
  /** @default 0 */
  readonly minimumBandwidthWeight?: number;
  /** @default - none */
  readonly mandatoryFeatureId?: string[];
  /** @default "" */
  readonly resourcePoolName?: string;
  /** @default "" */
  readonly testReplicaPoolName?: string;
  /** @default "" */
  readonly testReplicaSwitchName?: string;
  /** @default 0 */
  readonly virtualSubnetId?: number;
  /** "On" / "Off". @default "On" */
  readonly allowTeaming?: string;
  /** @default false */
  readonly notMonitoredInCluster?: boolean;
  /** @default 0 */
  readonly stormLimit?: number;
  /** @default 0 */
  readonly dynamicIpAddressLimit?: number;
  /** "On" / "Off". @default "Off" */
  readonly deviceNaming?: string;
  /** "On" / "Off". @default "Off" */
  readonly fixSpeed10g?: string;
  /** @default 0 */
  readonly packetDirectNumProcs?: number;
  /** @default 0 */
  readonly packetDirectModerationCount?: number;
  /** @default 0 */
  readonly packetDirectModerationInterval?: number;
  /** @default true */
  readonly vrssEnabled?: boolean;
  /** @default false */
  readonly vmmqEnabled?: boolean;
  /** @default 16 */
  readonly vmmqQueuePairs?: number;
  /** Access-mode VLAN; applied only with a non-zero `vlanId`. @default false */
  readonly vlanAccess?: boolean;
  /** Access VLAN id. @default 0 */
  readonly vlanId?: number;
  /** Wait for the adapter to report an IP. @default true */
  readonly waitForIps?: boolean;
}

/** Block `dvd_drives` of `hyperv_machine_instance`. */
export interface HypervMachineInstanceDvdDrives {
  /** Controller number. */
  readonly controllerNumber: number;
  /** Location on the controller. */
  readonly controllerLocation: number;
  /** ISO path on the host. @default "" */
  readonly path?: string;
  /** @default "" */
  readonly resourcePoolName?: string;
}

/** Block `hard_disk_drives` of `hyperv_machine_instance`. */
export interface HypervMachineInstanceHardDiskDrives {
  /** "Ide" / "Scsi". @default "Scsi" */
  readonly controllerType?: string;
  /** Controller number. */
  readonly controllerNumber: number;
  /** Location on the controller. */
  readonly controllerLocation: number;
  /** VHD/VHDX path on the host. @default "" */
  readonly path?: string;
  /** @default 4294967295 (none) */
  readonly diskNumber?: number;
  /** @default "Primordial" */
  readonly resourcePoolName?: string;
  /** @default false */
  readonly supportPersistentReservations?: boolean;
  /** @default 0 */
  readonly maximumIops?: number;
  /** @default 0 */
  readonly minimumIops?: number;
  /** @default "00000000-0000-0000-0000-000000000000" */
  readonly qosPolicyId?: string;
  /** @default "Default" */
  readonly overrideCacheAttributes?: string;
}

/** Block `vm_firmware.boot_order`. */
export interface HypervMachineInstanceVmFirmwareBootOrder {
  /** "HardDiskDrive" / "DvdDrive" / "NetworkAdapter". */
  readonly bootType: string;
  /** @default "" */
  readonly networkAdapterName?: string;
  /** @default "" */
  readonly switchName?: string;
  /** @default "" */
  readonly macAddress?: string;
  /** @default "" */
  readonly path?: string;
  /** @default -1 */
  readonly controllerNumber?: number;
  /** @default -1 */
  readonly controllerLocation?: number;
}

/** Block `vm_firmware` of `hyperv_machine_instance` (max 1, generation 2 only). */
export interface HypervMachineInstanceVmFirmware {
  /** Ordered boot devices. @default - none */
  readonly bootOrder?: HypervMachineInstanceVmFirmwareBootOrder[];
  /** "On" / "Off". @default "On" */
  readonly enableSecureBoot?: string;
  /** e.g. "MicrosoftWindows", "MicrosoftUEFICertificateAuthority". @default "MicrosoftWindows" */
  readonly secureBootTemplate?: string;
  /** "IPv4" / "IPv6". @default "IPv4" */
  readonly preferredNetworkBootProtocol?: string;
  /** "Default" / "COM1" / "COM2" / "None". @default "Default" */
  readonly consoleMode?: string;
  /** "On" / "Off". @default "Off" */
  readonly pauseAfterBootFailure?: string;
}

/** Configuration of `hyperv_machine_instance`. */
export interface HypervMachineInstanceConfig extends TerraformMetaArguments {
  /** VM name (the resource id). */
  readonly name: string;
  /** @default - host default */
  readonly path?: string;
  /** 1 or 2. @default 2 */
  readonly generation?: number;
  /** "Pause" / "None". @default "Pause" */
  readonly automaticCriticalErrorAction?: string;
  /** Minutes. @default 30 */
  readonly automaticCriticalErrorActionTimeout?: number;
  /** "Nothing" / "StartIfRunning" / "Start". @default "StartIfRunning" */
  readonly automaticStartAction?: string;
  /** Seconds. @default 0 */
  readonly automaticStartDelay?: number;
  /** "TurnOff" / "Save" / "ShutDown". @default "Save" */
  readonly automaticStopAction?: string;
  /** "Disabled" / "Standard" / "Production" / "ProductionOnly". @default "Production" */
  readonly checkpointType?: string;
  /** Exactly one of `dynamicMemory` / `staticMemory` must be given, and true. @default - unset */
  readonly dynamicMemory?: boolean;
  /** Exactly one of `dynamicMemory` / `staticMemory` must be given, and true. @default - unset */
  readonly staticMemory?: boolean;
  /** @default 536870912 */
  readonly memoryStartupBytes?: number;
  /** @default 536870912 */
  readonly memoryMinimumBytes?: number;
  /** @default 1099511627776 */
  readonly memoryMaximumBytes?: number;
  /** @default 1 */
  readonly processorCount?: number;
  /** @default false */
  readonly guestControlledCacheTypes?: boolean;
  /** @default 536870912 */
  readonly highMemoryMappedIoSpace?: number;
  /** @default 134217728 */
  readonly lowMemoryMappedIoSpace?: number;
  /** "On" / "Off". @default "Off" */
  readonly lockOnDisconnect?: string;
  /** @default "" */
  readonly notes?: string;
  /** @default - the host's Hyper-V folder */
  readonly smartPagingFilePath?: string;
  /** @default - the host's Hyper-V folder */
  readonly snapshotFileLocation?: string;
  /** Integration service display name -> enabled. @default - the provider's defaults */
  readonly integrationServices?: { [key: string]: boolean };
  /** "Running" / "Off". @default "Running" */
  readonly state?: string;
  /** @default 120 */
  readonly waitForStateTimeout?: number;
  /** @default 2 */
  readonly waitForStatePollPeriod?: number;
  /** @default 300 */
  readonly waitForIpsTimeout?: number;
  /** @default 5 */
  readonly waitForIpsPollPeriod?: number;
  /** @default - none */
  readonly vmProcessor?: HypervMachineInstanceVmProcessor[];
  /** @default - none */
  readonly networkAdaptors?: HypervMachineInstanceNetworkAdaptors[];
  /** @default - none */
  readonly dvdDrives?: HypervMachineInstanceDvdDrives[];
  /** @default - none */
  readonly hardDiskDrives?: HypervMachineInstanceHardDiskDrives[];
  /** @default - none (the provider applies secure boot On with "MicrosoftWindows" on generation 2) */
  readonly vmFirmware?: HypervMachineInstanceVmFirmware[];
  /** @default - the provider's */
  readonly timeouts?: HypervTimeouts;
}


const GENERATOR = { providerName: 'hyperv', providerVersion: HYPERV_PROVIDER_VERSION };

/**
 * `hyperv_machine_instance` of taliesins/hyperv 1.2.1.
 *
 * Rejects at construction what the provider would reject only at apply, or read back differently:
 * both or neither of `dynamicMemory` / `staticMemory`, enum values in another casing, and adaptors
 * that wait for a guest IP while the Key-Value Pair Exchange service that reports it is off.
 */
export class HypervMachineInstanceResource extends TerraformResource {
  /** The configuration the resource is rendered from. */
  public readonly config: HypervMachineInstanceConfig;

  constructor(scope: Construct, id: string, config: HypervMachineInstanceConfig) {
    super(scope, id, { terraformResourceType: 'hyperv_machine_instance', terraformGeneratorMetadata: GENERATOR, ...metaArguments(config) });
    const memoryKeys = (['dynamicMemory', 'staticMemory'] as const).filter((k) => config[k] !== undefined);
    if (memoryKeys.length !== 1 || config[memoryKeys[0]] === false) {
      throw invalid(this, memoryKeys.length === 1 ? memoryKeys[0] : 'dynamicMemory/staticMemory',
        'must be exactly one of dynamicMemory or staticMemory, set to true (the provider\'s ExactlyOneOf counts presence, even false)',
        { dynamicMemory: config.dynamicMemory, staticMemory: config.staticMemory }, 'Set staticMemory: true (or dynamicMemory: true) and leave the other unset.');
    }
    checkEnums(this, renderBlock(config, MACHINE_SHAPE), MACHINE_ENUMS);
    // Guests report addresses through the Key-Value Pair Exchange service: with it off, an adaptor that
    // waits for an IP (wait_for_ips, default true) fails the create after wait_for_ips_timeout.
    if (config.integrationServices?.['Key-Value Pair Exchange'] === false && Array.isArray(config.networkAdaptors)) {
      config.networkAdaptors.forEach((nic, i) => {
        if (nic && !Token.isUnresolved(nic) && nic.waitForIps !== false) {
          throw invalid(this, `networkAdaptors[${i}].waitForIps`, 'waits for a guest IP, but the Key-Value Pair Exchange integration service (which reports it) is off',
            nic.waitForIps, 'Set waitForIps: false on the adaptor, or turn Key-Value Pair Exchange on: otherwise the create fails after wait_for_ips_timeout.');
        }
      });
    }
    this.config = config;
  }

  /** The VM name (`name`, also the id). */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** The resource id: the VM name. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Guest addresses reported for network adaptor `index` (needs `wait_for_ips` and the guest's data exchange service). */
  public networkAdaptorIpAddresses(index: number): string[] {
    return this.getListAttribute(`network_adaptors[${index}].ip_addresses`);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderBlock(this.config, MACHINE_SHAPE);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock(this.config, MACHINE_SHAPE);
  }
}

/** Configuration of `hyperv_network_switch`. */
export interface HypervNetworkSwitchConfig extends TerraformMetaArguments {
  /** Switch name (the resource id). */
  readonly name: string;
  /** @default "" */
  readonly notes?: string;
  /** "Internal" / "Private" / "External". @default "Internal" */
  readonly switchType?: string;
  /** Private requires false, Internal true. @default true */
  readonly allowManagementOs?: boolean;
  /** Physical NICs; External only. @default - none */
  readonly netAdapterNames?: string[];
  /** @default false */
  readonly enableEmbeddedTeaming?: boolean;
  /** @default false */
  readonly enableIov?: boolean;
  /** @default false */
  readonly enablePacketDirect?: boolean;
  /** "Absolute" / "Default" / "None" / "Weight". @default "None" */
  readonly minimumBandwidthMode?: string;
  /** @default 0 */
  readonly defaultFlowMinimumBandwidthAbsolute?: number;
  /** @default 0 */
  readonly defaultFlowMinimumBandwidthWeight?: number;
  /** @default false */
  readonly defaultQueueVmmqEnabled?: boolean;
  /** @default 16 */
  readonly defaultQueueVmmqQueuePairs?: number;
  /** @default false */
  readonly defaultQueueVrssEnabled?: boolean;
  /** @default - the provider's */
  readonly timeouts?: HypervTimeouts;
}

/** `hyperv_network_switch` of taliesins/hyperv 1.2.1. */
export class HypervNetworkSwitchResource extends TerraformResource {
  /** The configuration the resource is rendered from. */
  public readonly config: HypervNetworkSwitchConfig;

  constructor(scope: Construct, id: string, config: HypervNetworkSwitchConfig) {
    super(scope, id, { terraformResourceType: 'hyperv_network_switch', terraformGeneratorMetadata: GENERATOR, ...metaArguments(config) });
    checkEnums(this, renderBlock(config, SWITCH_SHAPE), SWITCH_ENUMS);
    this.config = config;
  }

  /** The switch name (`name`, also the id). */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderBlock(this.config, SWITCH_SHAPE);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock(this.config, SWITCH_SHAPE);
  }
}

/** Configuration of `hyperv_vhd`. */
export interface HypervVhdConfig extends TerraformMetaArguments {
  /** Absolute VHD/VHDX path on the host (the resource id). */
  readonly path: string;
  /** URL or host path to copy from. @default - none */
  readonly source?: string;
  /** Copy the disks of this VM. @default - none */
  readonly sourceVm?: string;
  /** Physical disk number to copy. @default - none */
  readonly sourceDisk?: number;
  /** "Unknown" / "Fixed" / "Dynamic" / "Differencing". @default "Dynamic" */
  readonly vhdType?: string;
  /** Parent of a differencing disk. @default - none */
  readonly parentPath?: string;
  /** Bytes, a multiple of 4096. @default - computed */
  readonly size?: number;
  /** Bytes. @default - computed */
  readonly blockSize?: number;
  /** 0, 512 or 4096. @default - computed */
  readonly logicalSectorSize?: number;
  /** 0, 512 or 4096. @default - computed */
  readonly physicalSectorSize?: number;
  /** @default - the provider's */
  readonly timeouts?: HypervTimeouts;
}

/** `hyperv_vhd` of taliesins/hyperv 1.2.1. */
export class HypervVhdResource extends TerraformResource {
  /** The configuration the resource is rendered from. */
  public readonly config: HypervVhdConfig;

  constructor(scope: Construct, id: string, config: HypervVhdConfig) {
    super(scope, id, { terraformResourceType: 'hyperv_vhd', terraformGeneratorMetadata: GENERATOR, ...metaArguments(config) });
    checkEnums(this, renderBlock(config, VHD_SHAPE), VHD_ENUMS);
    this.config = config;
  }

  /** The disk path (`path`, also the id). */
  public get path(): string {
    return this.getStringAttribute('path');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderBlock(this.config, VHD_SHAPE);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHclBlock(this.config, VHD_SHAPE);
  }
}
