// The @cdktf/provider-docker classes the library constructs, each loaded on first use: loading every
// resource module up front made require('cdktf-hybrid') several times slower than require('cdktf'), and an
// app that builds no such resource never needs them. Types are imported for the compiler only.
/* eslint-disable @typescript-eslint/no-require-imports */
import { lazily } from '../../core/private/lazily';
import type * as containerModule from '@cdktf/provider-docker/lib/container';
import type * as imageModule from '@cdktf/provider-docker/lib/image';
import type * as networkModule from '@cdktf/provider-docker/lib/network';
import type * as volumeModule from '@cdktf/provider-docker/lib/volume';

/** Provider classes of @cdktf/provider-docker, required when first read. */
export const docker = lazily({
  Container: () => (require('@cdktf/provider-docker/lib/container') as typeof containerModule).Container,
  Image: () => (require('@cdktf/provider-docker/lib/image') as typeof imageModule).Image,
  Network: () => (require('@cdktf/provider-docker/lib/network') as typeof networkModule).Network,
  Volume: () => (require('@cdktf/provider-docker/lib/volume') as typeof volumeModule).Volume,
});
