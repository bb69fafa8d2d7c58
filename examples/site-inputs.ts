// Site inputs of the example apps: what differs from one estate to the next (image references,
// registries, the scanner on the deploy machine). Each example ships placeholders; a site (or the
// engines suite, which applies the examples to a real Docker Engine) supplies its own through
// cdktf context, without editing the example:
//
//   CDKTF_CONTEXT_JSON='{"site":{"images":{"edge-proxy":"registry.corp/edge@sha256:…"},
//                               "allowedRegistries":["registry.corp"],
//                               "scanner":["/usr/local/bin/my-scanner","{image}"]}}' npx cdktf synth
//
// `cdktf.json` "context" works the same way.
import { Construct } from 'constructs';
import { ImageScanner } from '../lib';

/** The `site` context object. */
export interface SiteInputs {
  /** Digest-pinned image references by image name, overriding the example's placeholders. */
  readonly images?: Record<string, string>;
  /** Registries the examples' TrustedImages accept, overriding the example's list. */
  readonly allowedRegistries?: string[];
  /** A custom scanner argv (with `{image}`) used by every scan gate instead of Grype/Trivy. */
  readonly scanner?: string[];
}

/** Reads the `site` context (an empty object when it is not set). */
export function siteInputs(scope: Construct): SiteInputs {
  const site = scope.node.tryGetContext('site');
  return typeof site === 'object' && site !== null ? site as SiteInputs : {};
}

/** The site's reference for image `name`, else `placeholder`. */
export function siteImage(scope: Construct, name: string, placeholder: string): string {
  return siteInputs(scope).images?.[name] ?? placeholder;
}

/** The site's allowed registries, else `fallback`. */
export function siteRegistries(scope: Construct, fallback: string[]): string[] {
  return siteInputs(scope).allowedRegistries ?? fallback;
}

/** The site's scanner, else `fallback`. */
export function siteScanner(scope: Construct, fallback: ImageScanner): ImageScanner {
  const argv = siteInputs(scope).scanner;
  return argv ? ImageScanner.custom(argv) : fallback;
}
