// Cuts a synthesized stack (cdk.tf.json) into one tier: the resources and data sources of one
// provider, plus every other block they reference (scan gates, variables), with only that provider
// configured. The blocks are copied unchanged, so what is planned is exactly what the library wrote.

/** The shape of Terraform JSON this needs. */
export interface TerraformJson {
  [key: string]: any;
  terraform?: { [key: string]: any; required_providers?: Record<string, any>; backend?: Record<string, any> };
  provider?: Record<string, any>;
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  variable?: Record<string, any>;
  locals?: Record<string, any>;
  output?: Record<string, any>;
}

/** A tier: a provider name and the resource-type prefix it owns. */
export interface Tier {
  readonly name: string;
  readonly provider: string;
  readonly prefix: string;
}

export const TIERS: Record<'docker' | 'kubernetes' | 'vsphere' | 'hyperv' | 'virtualbox', Tier> = {
  docker: { name: 'docker', provider: 'docker', prefix: 'docker_' },
  kubernetes: { name: 'kubernetes', provider: 'kubernetes', prefix: 'kubernetes_' },
  vsphere: { name: 'vsphere', provider: 'vsphere', prefix: 'vsphere_' },
  hyperv: { name: 'hyperv', provider: 'hyperv', prefix: 'hyperv_' },
  virtualbox: { name: 'virtualbox', provider: 'virtualbox', prefix: 'virtualbox_' },
};

/** Block types that belong to no provider: Terraform's built-ins. */
const BUILTIN = new Set(['terraform_data', 'null_resource']);

type Ref = { kind: 'resource' | 'data' | 'var' | 'local'; type: string; name: string };

/** Every reference in a block: `${type.name…}` interpolations and `depends_on` entries. */
function refsOf(block: unknown): Ref[] {
  const out: Ref[] = [];
  const visit = (v: unknown, key?: string) => {
    if (typeof v === 'string') {
      const exprs = key === 'depends_on' ? [v] : [...v.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]);
      for (const e of exprs) {
        for (const m of e.matchAll(/\b(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
          if (m[1]) out.push({ kind: 'data', type: m[2], name: m[3] });
          else if (m[2] === 'var') out.push({ kind: 'var', type: 'var', name: m[3] });
          else if (m[2] === 'local') out.push({ kind: 'local', type: 'local', name: m[3] });
          else if (m[2].includes('_')) out.push({ kind: 'resource', type: m[2], name: m[3] });
        }
      }
    } else if (Array.isArray(v)) {
      v.forEach((x) => visit(x, key));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== '//') visit(x, k);
    }
  };
  visit(block);
  return out;
}

/**
 * The tier's slice of `doc`, and the references it makes to other tiers (`foreign`; a tier that
 * references another cannot be applied on its own).
 */
export function sliceTier(doc: TerraformJson, tier: Tier): { slice: TerraformJson; foreign: string[] } {
  const resource: Record<string, Record<string, any>> = {};
  const data: Record<string, Record<string, any>> = {};
  const variable: Record<string, any> = {};
  const locals: Record<string, any> = {};
  const foreign = new Set<string>();
  const queue: unknown[] = [];
  const take = (into: Record<string, Record<string, any>>, type: string, name: string, block: any) => {
    if (into[type]?.[name] !== undefined) return;
    (into[type] ??= {})[name] = block;
    queue.push(block);
  };
  for (const [type, blocks] of Object.entries(doc.resource ?? {})) {
    if (type.startsWith(tier.prefix)) for (const [name, b] of Object.entries(blocks)) take(resource, type, name, b);
  }
  for (const [type, blocks] of Object.entries(doc.data ?? {})) {
    if (type.startsWith(tier.prefix)) for (const [name, b] of Object.entries(blocks)) take(data, type, name, b);
  }
  const provider = doc.provider?.[tier.provider];
  if (provider !== undefined) queue.push(provider);
  while (queue.length > 0) {
    for (const ref of refsOf(queue.shift())) {
      if (ref.kind === 'var') {
        if (doc.variable?.[ref.name] !== undefined && variable[ref.name] === undefined) { variable[ref.name] = doc.variable[ref.name]; queue.push(variable[ref.name]); }
      } else if (ref.kind === 'local') {
        if (doc.locals?.[ref.name] !== undefined && locals[ref.name] === undefined) { locals[ref.name] = doc.locals[ref.name]; queue.push(locals[ref.name]); }
      } else {
        const src = ref.kind === 'data' ? doc.data : doc.resource;
        const block = src?.[ref.type]?.[ref.name];
        if (block === undefined) continue;
        if (!ref.type.startsWith(tier.prefix) && !BUILTIN.has(ref.type)) {
          foreign.add(`${ref.kind === 'data' ? 'data.' : ''}${ref.type}.${ref.name}`);
          continue;
        }
        take(ref.kind === 'data' ? data : resource, ref.type, ref.name, block);
      }
    }
  }
  const slice: TerraformJson = {};
  const required = doc.terraform?.required_providers?.[tier.provider];
  slice.terraform = required ? { required_providers: { [tier.provider]: required } } : {};
  if (provider !== undefined) slice.provider = { [tier.provider]: provider };
  if (Object.keys(resource).length > 0) slice.resource = resource;
  if (Object.keys(data).length > 0) slice.data = data;
  if (Object.keys(variable).length > 0) slice.variable = variable;
  if (Object.keys(locals).length > 0) slice.locals = locals;
  return { slice, foreign: [...foreign].sort() };
}
