import { ErrorScope, invalid } from '../../core/private/errors';
import { isUnresolved } from '../../core/private/validation';

/** The label Kubernetes puts on every namespace with its name (since v1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** The label that selects a workload's pods. */
export const NAME_LABEL = 'app.kubernetes.io/name';
/** Labels on everything the library creates. */
export const MANAGED_BY_LABELS: { [key: string]: string } = { 'app.kubernetes.io/managed-by': 'cdktf-hybrid' };

const LABEL_NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Throws unless every key and value is a valid Kubernetes label key / value. */
export function checkLabels(scope: ErrorScope, prop: string, labels: { [key: string]: string } | undefined): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const keyOk = name.length <= 63 && LABEL_NAME.test(name) && (prefix === undefined || (prefix.length <= 253 && LABEL_PREFIX.test(prefix)));
    if (!keyOk) {
      throw invalid(scope, `${prop}`, 'has an invalid label key', key,
        'Keys are an optional DNS subdomain prefix and "/", then 1-63 letters, digits, "-", "_" or ".", e.g. "team" or "example.com/team".');
    }
    if (isUnresolved(value)) continue;
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
      throw invalid(scope, `${prop}["${key}"]`, 'is not a valid label value', value,
        'Values are at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.');
    }
  }
}

/** The Secret key that holds a sensitive env value: `<container>.<VARIABLE>`. */
export function secretKeyFor(containerName: string, envName: string): string {
  return `${containerName}.${envName}`;
}
