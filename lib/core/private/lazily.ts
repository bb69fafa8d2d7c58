/**
 * An object whose properties are computed on first read, from one loader each; used for provider
 * classes, so that a provider module is required only when the library constructs one of its resources.
 *
 * @example export const docker = lazily({ Container: () => (require('@cdktf/provider-docker/lib/container') as typeof C).Container });
 */
export function lazily<T extends Record<string, () => unknown>>(loaders: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const object = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const [name, load] of Object.entries(loaders)) {
    Object.defineProperty(object, name, { get: load, enumerable: true });
  }
  return object;
}
