// Finding and reading the Terraform a team has, for the CLI: cdk.tf.json stacks, hand-written *.tf.json,
// HCL *.tf (through @cdktf/hcl2json) and `terraform show -json` plans, from files or whole directory trees.
// Every resource keeps where it came from (input kind, file, line) so findings can point there.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PolicySuppression } from '../suppressions';
import { EngineResource } from './engine';
import { readPlanJson } from './plan-json';
import { resourceLineIndex } from './report';
import { InvalidInput, ParsedStack, readTerraformJson } from './tf-json';

/** What kind of input a resource was read from. */
export enum InputKind {
  /** A cdktf stack, `cdk.tf.json`. */
  CDKTF = 'cdktf',
  /** Hand-written Terraform JSON, `*.tf.json`. */
  TERRAFORM_JSON = 'terraform-json',
  /** HCL, `*.tf`. */
  HCL = 'hcl',
  /** A plan from `terraform show -json`, evaluated on planned values. */
  PLAN = 'plan',
}

/** Where a resource (or provider block) was read from. */
export interface SourceLocation {
  readonly kind: InputKind;
  readonly file: string;
  /** 1-based line of the block, when the input has one. */
  readonly line?: number;
}

/** A stack (or Terraform module, or plan) read from one or more files. */
export interface LoadedStack extends ParsedStack {
  /** Every file the stack was read from. */
  readonly files: string[];
  /** Where each resource address (and `provider.<name>` block) comes from. */
  readonly locations: Map<string, SourceLocation>;
  /** Where findings without a located resource point: the stack's first file. */
  readonly fallback: SourceLocation;
}

/** Input that cannot be read or is not Terraform; the message is one line. */
export class InputError extends Error {
  constructor(message: string) {
    super(oneLine(message));
  }
}

/** The largest input file read (bytes): larger files are refused with a message, never read into memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A message on one line: control characters (a newline in a file name) escaped. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** What a path is, for messages about things that are not regular files or directories. */
function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Directories never searched: dependencies, Terraform's own working files, version control. */
export const SKIPPED_DIRECTORIES = ['node_modules', '.terraform', '.git'];

const STACK_FILE = 'cdk.tf.json';

/** One unit to read: a cdk.tf.json, an explicit file, or the Terraform files of one directory (a module). */
interface Group {
  /** The stack name; empty: from the file (cdktf metadata, else the file or directory name). */
  readonly name: string;
  readonly files: string[];
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a symlink loop)';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'EMFILE' || code === 'ENFILE') return 'too many open files';
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** A name for a directory module: its path relative to the working directory, with forward slashes. */
function moduleName(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  if (relative === '') return path.basename(path.resolve(dir));
  return relative.split(path.sep).join('/');
}

function isTerraformFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

/** Every cdk.tf.json (one stack each) and every directory holding *.tf / *.tf.json (one module each) below `root`. */
function walk(root: string): Group[] {
  const groups: Group[] = [];
  let pending = [root];
  while (pending.length > 0) {
    const dir = pending.shift()!;
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      throw new InputError(`cannot read ${dir}: ${describeFsError(e)}`);
    }
    const moduleFiles: string[] = [];
    const subdirectories: string[] = [];
    for (const entry of names) {
      const full = path.join(dir, entry.name);
      // symbolic links to directories are not followed (no loops, no walking out of the tree)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.includes(entry.name)) subdirectories.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isTerraformFile(entry.name)) {
        if (entry.isSymbolicLink() && !isRegularFile(full)) continue;
        if (entry.name === STACK_FILE) groups.push({ name: '', files: [full] });
        else moduleFiles.push(full);
      }
    }
    if (moduleFiles.length > 0) groups.push({ name: moduleName(dir), files: moduleFiles });
    pending = subdirectories.concat(pending); // depth first; concat, not unshift(...): no argument spread
  }
  return groups;
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The groups a command-line path stands for. */
function discover(target: string): Group[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    throw new InputError(`cannot read ${target}: ${describeFsError(e)}`);
  }
  // a file named on the command line is its own stack, named by its metadata or its file name
  if (stat.isFile()) return [{ name: '', files: [target] }];
  if (!stat.isDirectory()) throw new InputError(`cannot read ${target}: it is ${kindOf(stat)}; pass a regular file or a directory`);
  const groups = walk(target);
  if (groups.length === 0) {
    throw new InputError(`no Terraform found in ${target}: looked for ${STACK_FILE}, *.tf.json and *.tf in it and below `
      + `(skipping ${SKIPPED_DIRECTORIES.join(', ')}); or pass a plan from terraform show -json as a file`);
  }
  return groups;
}

/** Reads a regular file only (a FIFO would block forever and /dev/zero never ends), up to MAX_INPUT_BYTES. */
function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${describeFsError(e)}`);
  }
  if (!stat.isFile()) throw new InputError(`cannot read ${file}: it is ${kindOf(stat)}; pass a regular file`);
  if (stat.size > MAX_INPUT_BYTES) throw new InputError(`cannot read ${file}: it has ${stat.size} bytes, more than the limit of ${MAX_INPUT_BYTES} bytes`);
  try {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      return fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${describeFsError(e)}`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
  }
}

/** True for the output of `terraform show -json <plan>`. */
function isPlan(doc: unknown): doc is Record<string, any> {
  return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
    && 'format_version' in doc && ('planned_values' in doc || 'resource_changes' in doc);
}

/**
 * The 1-based line of each `resource "<type>" "<name>"` and `provider "<name>"` block in HCL text, by address
 * (`<type>.<name>`, `provider.<name>`). Labels may be quoted or bare.
 */
export function hclLineIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const resource = /^\s*resource\s+"?([\w-]+)"?\s+"?([\w-]+)"?\s*\{/.exec(lines[i]);
    if (resource && !index.has(`${resource[1]}.${resource[2]}`)) index.set(`${resource[1]}.${resource[2]}`, i + 1);
    const provider = /^\s*provider\s+"?([\w-]+)"?\s*\{/.exec(lines[i]);
    if (provider && !index.has(`provider.${provider[1]}`)) index.set(`provider.${provider[1]}`, i + 1);
  }
  return index;
}

/** The result of converting one HCL file. */
interface Converted {
  readonly file: string;
  readonly doc?: unknown;
  readonly error?: string;
}

// Runs in a child node process: @cdktf/hcl2json is asynchronous (a Go WebAssembly module), the CLI is not.
const HCL_WORKER = `
const hcl = require(process.argv[1]);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const out = [];
  for (const { file, text } of JSON.parse(input)) {
    try { out.push({ file, doc: await hcl.parse(file, text) }); }
    catch (e) { out.push({ file, error: String(e && e.message || e).split('\\n')[0] }); }
  }
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
});
`;

/** Converts HCL files to Terraform JSON with @cdktf/hcl2json, all in one child process. */
function convertHcl(files: Array<{ file: string; text: string }>): Converted[] {
  if (files.length === 0) return [];
  let module: string;
  try {
    module = require.resolve('@cdktf/hcl2json');
  } catch {
    throw new InputError(`${files[0].file} is HCL, and reading HCL needs the package @cdktf/hcl2json, which is not installed (npm install @cdktf/hcl2json@0.21.0)`);
  }
  const run = spawnSync(process.execPath, ['-e', HCL_WORKER, module], {
    input: JSON.stringify(files), encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: 5 * 60 * 1000,
  });
  if (run.status !== 0) {
    const why = run.error ? run.error.message : (run.stderr || `exit ${run.status}`).trim().split('\n')[0];
    throw new InputError(`cannot convert HCL with @cdktf/hcl2json: ${why}`);
  }
  return JSON.parse(run.stdout) as Converted[];
}

/** Merges the parsed files of one module into one stack. */
function merge(name: string, parts: Array<{ file: string; kind: InputKind; parsed: ParsedStack; lines: Map<string, number> }>): LoadedStack {
  const resources: EngineResource[] = [];
  const providers: EngineResource[] = [];
  const suppressions: PolicySuppression[] = [];
  const locations = new Map<string, SourceLocation>();
  for (const part of parts) {
    for (const entry of [...part.parsed.resources, ...part.parsed.providers]) {
      const key = entry.resource.resourceType.startsWith('provider.') ? entry.resource.resourceType : entry.resource.address;
      if (!locations.has(entry.resource.address)) {
        locations.set(entry.resource.address, { kind: part.kind, file: part.file, line: part.lines.get(key) ?? part.lines.get(entry.resource.address) });
      }
    }
    // loops, not push(...list): a spread of more than ~125k arguments overflows the stack
    for (const r of part.parsed.resources) resources.push(r);
    for (const p of part.parsed.providers) providers.push(p);
    for (const s of part.parsed.suppressions) suppressions.push(s);
  }
  const first = parts[0];
  return {
    stackName: name || first.parsed.stackName,
    resources,
    providers,
    suppressions,
    files: parts.map((p) => p.file),
    locations,
    fallback: { kind: first.kind, file: first.file },
  };
}

function fallbackName(file: string): string {
  const base = path.basename(file);
  return base === STACK_FILE ? path.basename(path.dirname(path.resolve(file))) : base.replace(/\.tf\.json$|\.json$|\.tf$/, '');
}

/**
 * Reads every stack the command-line paths stand for: a file (cdk.tf.json, *.tf.json, *.tf or a plan JSON), or
 * a directory searched recursively for cdk.tf.json (one stack each) and *.tf.json / *.tf (one module per
 * directory), skipping node_modules, .terraform and .git. A file reached twice is read once.
 *
 * @throws InputError for a path that cannot be read, invalid JSON or HCL, or JSON that is not Terraform
 */
export function loadInputs(paths: string[]): LoadedStack[] {
  const seen = new Set<string>();
  const groups: Group[] = [];
  for (const target of paths) {
    for (const group of discover(target)) {
      const files = group.files.filter((f) => {
        const key = path.resolve(f);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (files.length > 0) groups.push({ name: group.name, files });
    }
  }
  const texts = new Map(groups.flatMap((g) => g.files).map((file) => [file, readText(file)]));
  const hclFiles = [...texts.keys()].filter((file) => file.endsWith('.tf'));
  const converted = new Map(convertHcl(hclFiles.map((file) => ({ file, text: texts.get(file)! }))).map((c) => [c.file, c]));

  const stacks = groups.map((group) => merge(group.name, group.files.map((file) => {
    const text = texts.get(file)!;
    try {
      if (file.endsWith('.tf')) {
        const result = converted.get(file);
        if (!result || result.error !== undefined) throw new InputError(`${file} is not valid HCL: ${result?.error ?? 'no result from the converter'}`);
        return { file, kind: InputKind.HCL, parsed: readTerraformJson(result.doc, fallbackName(file)), lines: hclLineIndex(text) };
      }
      const doc = parseJson(file, text);
      if (isPlan(doc)) {
        const plan = readPlanJson(doc, fallbackName(file), text);
        return { file, kind: InputKind.PLAN, parsed: plan, lines: plan.lines };
      }
      if (typeof doc === 'object' && doc !== null && 'format_version' in doc && 'values' in doc) {
        throw new InputError(`${file} is a state from terraform show -json, not a plan: check the plan instead (terraform plan -out=plan.out && terraform show -json plan.out)`);
      }
      const kind = path.basename(file) === STACK_FILE ? InputKind.CDKTF : InputKind.TERRAFORM_JSON;
      return { file, kind, parsed: readTerraformJson(doc, fallbackName(file)), lines: resourceLineIndex(text) };
    } catch (e) {
      if (e instanceof InvalidInput) throw new InputError(`${file} is not Terraform ${file.endsWith('.tf') ? 'configuration' : 'JSON'}: ${e.message}`);
      throw e;
    }
  })));
  return distinctNames(stacks);
}

/**
 * Stacks of the same name (two cdktf apps each with a stack "dev") are named by their directory instead, so
 * findings, SARIF fingerprints and baseline entries of one never stand for the other.
 */
function distinctNames(stacks: LoadedStack[]): LoadedStack[] {
  const count = new Map<string, number>();
  for (const s of stacks) count.set(s.stackName, (count.get(s.stackName) ?? 0) + 1);
  return stacks.map((s) => count.get(s.stackName)! > 1 ? { ...s, stackName: moduleName(path.dirname(s.files[0])) } : s);
}
