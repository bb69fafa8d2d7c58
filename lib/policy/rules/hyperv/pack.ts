// The rule objects of the pack, loaded on first use by PolicyPacks (see packs.ts): `require('cdktf-hybrid')`
// does not read them (cold require, issue #17).
import { IPolicyRule } from '../../rule';
import { hvAutoStop } from './auto-stop';
import { hvBootDevices } from './boot-devices';
import { hvCheckpointType } from './checkpoint-type';
import { hvDhcpGuard } from './dhcp-guard';
import { hvGeneration2 } from './generation-2';
import { hvGuestServiceInterface } from './guest-service-interface';
import { hvHostResourceProtection } from './host-resource-protection';
import { hvLockOnDisconnect } from './lock-on-disconnect';
import { hvMacSpoofing } from './mac-spoofing';
import { hvNestedVirt } from './nested-virt';
import { hvPortMirroring } from './port-mirroring';
import { hvProviderCredentials } from './provider-credentials';
import { hvProviderTls } from './provider-tls';
import { hvRouterGuard } from './router-guard';
import { hvSecureBoot } from './secure-boot';
import { hvSwitchIsolation } from './switch-isolation';
import { hvVlanAccess } from './vlan-access';

/**
 * The Hyper-V pack (taliesins/hyperv 1.2.1): provider transport and credentials, then VM firmware,
 * processor, integration services, checkpoints and host actions, then network adaptors and switches.
 */
export const HYPERV_RULES: IPolicyRule[] = [
  hvProviderTls,
  hvProviderCredentials,
  hvGeneration2,
  hvSecureBoot,
  hvBootDevices,
  hvNestedVirt,
  hvHostResourceProtection,
  hvGuestServiceInterface,
  hvCheckpointType,
  hvAutoStop,
  hvLockOnDisconnect,
  hvMacSpoofing,
  hvDhcpGuard,
  hvRouterGuard,
  hvPortMirroring,
  hvVlanAccess,
  hvSwitchIsolation,
];
