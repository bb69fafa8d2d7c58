import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { guardSensitive } from '../../core/private/secrets';
import { checkDnsLabel, checkDnsSubdomain, isUnresolved } from '../../core/private/validation';
import { GuestOsFamily } from '../vm-spec';
import { checkArgs } from '../../core/private/shapes';

/** Settings shared by Linux and Windows guest customisation. */
export interface CustomizationNetworkOptions {
  /**
   * Default IPv4 gateway (used with static addresses in `spec.networks`).
   * @default - none (DHCP)
   */
  readonly ipv4Gateway?: string;
  /**
   * DNS servers.
   * @default - none (DHCP)
   */
  readonly dnsServers?: string[];
  /**
   * DNS search suffixes.
   * @default - none
   */
  readonly dnsSuffixes?: string[];
}

/** Options of `GuestCustomization.linux`. */
export interface LinuxCustomizationOptions extends CustomizationNetworkOptions {
  /** Host name of the guest: a DNS label. */
  readonly hostName: string;
  /** DNS domain of the guest, e.g. `corp.example`. */
  readonly domain: string;
  /**
   * Time zone, e.g. `Etc/UTC`.
   * @default "Etc/UTC"
   */
  readonly timeZone?: string;
}

/** Options of `GuestCustomization.windows`. */
export interface WindowsCustomizationOptions extends CustomizationNetworkOptions {
  /** NetBIOS computer name: 1-15 letters, digits and "-". */
  readonly computerName: string;
  /**
   * Local administrator password: only a sensitive value (e.g. a `TerraformVariable` with
   * `sensitive: true`), never a literal.
   * @default - the template's password is kept
   */
  readonly adminPassword?: string;
  /**
   * Workgroup to join (exclusive with `joinDomain`).
   * @default - "WORKGROUP" unless `joinDomain` is set
   */
  readonly workgroup?: string;
  /**
   * Active Directory domain to join.
   * @default - no domain join
   */
  readonly joinDomain?: string;
  /**
   * Account that joins the domain.
   * @default - none (required with `joinDomain`)
   */
  readonly domainAdminUser?: string;
  /**
   * Password of `domainAdminUser`: only a sensitive value, never a literal.
   * @default - none (required with `joinDomain`)
   */
  readonly domainAdminPassword?: string;
  /**
   * Windows time zone index (e.g. 85 for GMT).
   * @default 85
   */
  readonly timeZone?: number;
}

/** Guest OS customisation applied while cloning (`clone.customize`): Linux or Windows (sysprep). */
export class GuestCustomization {
  /** Linux customisation: host name, domain, time zone, network. */
  public static linux(options: LinuxCustomizationOptions): GuestCustomization {
    checkArgs('GuestCustomization.linux', 'GuestCustomization.linux', [options]);
    return new GuestCustomization(GuestOsFamily.LINUX, options, undefined);
  }

  /** Windows customisation through sysprep: computer name, workgroup or domain join, network. */
  public static windows(options: WindowsCustomizationOptions): GuestCustomization {
    checkArgs('GuestCustomization.windows', 'GuestCustomization.windows', [options]);
    return new GuestCustomization(GuestOsFamily.WINDOWS, undefined, options);
  }

  /** The guest OS family this customisation is for. */
  public readonly guestOsFamily: GuestOsFamily;
  /**
   * Linux options.
   * @default - not a Linux customisation
   */
  public readonly linuxOptions?: LinuxCustomizationOptions;
  /**
   * Windows options.
   * @default - not a Windows customisation
   */
  public readonly windowsOptions?: WindowsCustomizationOptions;

  private constructor(family: GuestOsFamily, linux: LinuxCustomizationOptions | undefined, windows: WindowsCustomizationOptions | undefined) {
    this.guestOsFamily = family;
    this.linuxOptions = linux;
    this.windowsOptions = windows;
  }

  /** @internal Validates the options under `prop` and renders the provider's `clone.customize` block. */
  public _render(scope: Construct, prop: string, networkCount: number, addresses: Array<{ ipv4Address?: string; ipv4Netmask?: number }>): any {
    const common = this.linuxOptions ?? this.windowsOptions!;
    const block: any = {
      ipv4Gateway: common.ipv4Gateway,
      dnsServerList: common.dnsServers,
      dnsSuffixList: common.dnsSuffixes,
      networkInterface: Array.from({ length: networkCount }, (_, i) => addresses[i] ?? {}),
    };
    if (this.linuxOptions) {
      const o = this.linuxOptions;
      checkDnsLabel(scope, `${prop}.hostName`, o.hostName);
      checkDnsSubdomain(scope, `${prop}.domain`, o.domain);
      block.linuxOptions = { hostName: o.hostName, domain: o.domain, timeZone: o.timeZone ?? 'Etc/UTC', hwClockUtc: true };
    } else {
      const o = this.windowsOptions!;
      if (!isUnresolved(o.computerName) && !/^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/.test(o.computerName ?? '')) {
        throw invalid(scope, `${prop}.computerName`, 'is not a NetBIOS name', o.computerName, 'Use 1-15 letters, digits and "-", e.g. "APP01".');
      }
      // Literals, and tokens that resolve to literals (Fn.sensitive("..."), Lazy, Fn.join), are rejected.
      const [adminPassword, domainAdminPassword] = (['adminPassword', 'domainAdminPassword'] as const)
        .map((key) => (o[key] === undefined ? undefined : guardSensitive(scope, `${prop}.${key}`, o[key])));
      if (o.joinDomain !== undefined && o.workgroup !== undefined) {
        throw invalid(scope, `${prop}.workgroup`, 'cannot be combined with joinDomain', o.workgroup, 'Set either workgroup or joinDomain.');
      }
      if (o.joinDomain !== undefined && (o.domainAdminUser === undefined || o.domainAdminPassword === undefined)) {
        throw invalid(scope, `${prop}.domainAdminUser`, 'and domainAdminPassword are required with joinDomain', o.domainAdminUser,
          'Give the join account and its password as a sensitive value.');
      }
      block.windowsOptions = {
        computerName: o.computerName,
        adminPassword,
        workgroup: o.joinDomain === undefined ? (o.workgroup ?? 'WORKGROUP') : undefined,
        joinDomain: o.joinDomain,
        domainAdminUser: o.domainAdminUser,
        domainAdminPassword,
        timeZone: o.timeZone ?? 85,
        autoLogon: false,
      };
    }
    return block;
  }
}
