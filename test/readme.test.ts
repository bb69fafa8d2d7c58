// The README's TypeScript examples must compile against the public API (style guide 2.12:
// jsii-rosetta translates them). Whole programs are checked as they are; fragments are checked
// inside a stack constructor (`this` is the stack) with the context they refer to declared below.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SNIPPETS = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The names fragments use without defining them: what the surrounding README text has just built. */
const CONTEXT = `
declare const stack: TerraformStack;
declare const template: VmTemplate;
declare const db: SecureVirtualMachine;
declare const db1: SecureVirtualMachine;
declare const db2: SecureVirtualMachine;
declare const pool: VmResourcePool;
declare const portGroup: SecurePortGroup;
declare const dataPlane: SecurePortGroup;
declare const management: SecurePortGroup;
declare const dvs: SecureDistributedSwitch;
declare const esx01: DataVsphereHost;
declare const esx02: DataVsphereHost;
declare const encryptionPolicy: DataVsphereStoragePolicy;
declare const tagId: string;
declare const nodeAgent: HardenedDeployment;
declare const web: HardenedDeployment;
declare class RequireOwnerLabel implements IPolicyRule {
  readonly ruleId: string; readonly title: string; readonly severity: Severity; readonly source: string; readonly resourceTypes: string[];
  evaluate(resource: PolicyResource, context: PolicyContext): RuleResult;
}
`;

/** Every name `lib/index.ts` exports (what `import { … } from 'cdktf-hybrid'` can name). */
function publicNames(program: ts.Program): string[] {
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(ROOT, 'lib', 'index.ts'))!;
  return checker.getExportsOfModule(checker.getSymbolAtLocation(index)!).map((symbol) => symbol.name);
}

function sources(names: string[]): Map<string, string> {
  const files = new Map<string, string>();
  SNIPPETS.forEach((code, i) => {
    const imports: string[] = [];
    const body: string[] = [];
    let inImport = false;
    for (const line of code.split('\n')) {
      if (line.startsWith('import ') || inImport) {
        imports.push(line.replace(/'cdktf-hybrid'/g, "'../../lib'"));
        inImport = !/;\s*$/.test(line);
      } else {
        body.push(line);
      }
    }
    // a whole program (an App, or a class of its own) is checked as it is
    const standalone = /^import /m.test(code) && /new App\(|^(export )?class /m.test(code);
    const imported = new Set(imports.join(' ').match(/\b[A-Z]\w*/g) ?? []);
    const from = (module: string, wanted: string[]) => {
      const missing = wanted.filter((n) => !imported.has(n));
      return missing.length > 0 ? `import { ${missing.join(', ')} } from '${module}';` : '';
    };
    const prelude = [
      from('constructs', ['Construct']),
      from('cdktf', ['App', 'Fn', 'TerraformStack', 'TerraformVariable']),
      from('@cdktf/provider-vsphere/lib/data-vsphere-host', ['DataVsphereHost']),
      from('@cdktf/provider-vsphere/lib/data-vsphere-storage-policy', ['DataVsphereStoragePolicy']),
      from('@cdktf/provider-docker/lib/provider', ['DockerProvider']),
      from('../../lib', names),
    ];
    const text = standalone
      ? `${imports.join('\n')}\n${body.join('\n')}\nexport {};\n`
      : `${imports.join('\n')}\n${prelude.join('\n')}\n${CONTEXT}\nexport class Snippet extends TerraformStack {\n  constructor(scope: Construct) {\n    super(scope, 's');\n${body.join('\n')}\n  }\n}\n`;
    files.set(path.join(ROOT, 'test', '__readme__', `snippet-${i}.ts`), text);
  });
  return files;
}

test('the README has TypeScript examples', () => {
  expect(SNIPPETS.length).toBeGreaterThan(10);
});

test('every TypeScript example in the README compiles against the public API', () => {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.dev.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options: ts.CompilerOptions = { ...parsed.options, noUnusedLocals: false, noUnusedParameters: false, noEmit: true };
  const libraryProgram = ts.createProgram([path.join(ROOT, 'lib', 'index.ts')], options);
  const files = sources(publicNames(libraryProgram));
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => files.get(f) ?? readFile(f);
  host.fileExists = (f) => files.has(f) || fileExists(f);
  host.getSourceFile = (f, v, onError) => files.has(f) ? ts.createSourceFile(f, files.get(f)!, v) : getSourceFile(f, v, onError);
  const program = ts.createProgram([...files.keys()], options, host, libraryProgram);
  const problems = ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const snippet = path.basename(d.file!.fileName, '.ts');
      const line = d.file!.getLineAndCharacterOfPosition(d.start!).line + 1;
      const text = d.file!.text.split('\n')[line - 1].trim();
      return `${snippet} line ${line} (${text}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  expect(problems).toEqual([]);
});
