// A strict structural check of a SARIF 2.1.0 log, written from the SARIF 2.1.0 JSON schema (required
// properties, enums, minimums and the allowed property names of every object this tool emits) plus
// GitHub code scanning's upload requirements. Returns the problems found, empty for a valid log.

type Shape = { required?: string[]; allowed: string[]; children?: { [key: string]: string } };

const PROPERTY_BAG = 'propertyBag';
const SHAPES: { [name: string]: Shape } = {
  sarifLog: { required: ['version', 'runs'], allowed: ['$schema', 'version', 'runs', 'inlineExternalProperties', 'properties'], children: { runs: '[run', properties: PROPERTY_BAG } },
  run: {
    required: ['tool'],
    allowed: ['tool', 'invocations', 'conversion', 'language', 'versionControlProvenance', 'originalUriBaseIds', 'artifacts', 'logicalLocations', 'graphs',
      'results', 'automationDetails', 'runAggregates', 'baselineGuid', 'redactionTokens', 'defaultEncoding', 'defaultSourceLanguage', 'newlineSequences',
      'columnKind', 'externalPropertyFileReferences', 'threadFlowLocations', 'taxonomies', 'addresses', 'translations', 'policies', 'webRequests',
      'webResponses', 'specialLocations', 'properties'],
    children: { tool: 'tool', results: '[result', properties: PROPERTY_BAG },
  },
  tool: { required: ['driver'], allowed: ['driver', 'extensions', 'properties'], children: { driver: 'toolComponent', properties: PROPERTY_BAG } },
  toolComponent: {
    required: ['name'],
    allowed: ['guid', 'name', 'organization', 'product', 'productSuite', 'shortDescription', 'fullDescription', 'fullName', 'version', 'semanticVersion',
      'dottedQuadFileVersion', 'releaseDateUtc', 'downloadUri', 'informationUri', 'globalMessageStrings', 'notifications', 'rules', 'taxa', 'locations',
      'language', 'contents', 'isComprehensive', 'localizedDataSemanticVersion', 'minimumRequiredLocalizedDataSemanticVersion', 'associatedComponent',
      'translationMetadata', 'supportedTaxonomies', 'properties'],
    children: { rules: '[reportingDescriptor', shortDescription: 'multiformatMessageString', fullDescription: 'multiformatMessageString', properties: PROPERTY_BAG },
  },
  reportingDescriptor: {
    required: ['id'],
    allowed: ['id', 'deprecatedIds', 'guid', 'deprecatedGuids', 'name', 'deprecatedNames', 'shortDescription', 'fullDescription', 'messageStrings',
      'defaultConfiguration', 'helpUri', 'help', 'relationships', 'properties'],
    children: {
      shortDescription: 'multiformatMessageString', fullDescription: 'multiformatMessageString', help: 'multiformatMessageString',
      defaultConfiguration: 'reportingConfiguration', properties: PROPERTY_BAG,
    },
  },
  multiformatMessageString: { required: ['text'], allowed: ['text', 'markdown', 'properties'], children: { properties: PROPERTY_BAG } },
  reportingConfiguration: { allowed: ['enabled', 'level', 'rank', 'parameters', 'properties'], children: { properties: PROPERTY_BAG } },
  result: {
    required: ['message'],
    allowed: ['ruleId', 'ruleIndex', 'rule', 'kind', 'level', 'message', 'analysisTarget', 'locations', 'guid', 'correlationGuid', 'occurrenceCount',
      'partialFingerprints', 'fingerprints', 'stacks', 'codeFlows', 'graphs', 'graphTraversals', 'relatedLocations', 'suppressions', 'baselineState',
      'rank', 'attachments', 'hostedViewerUri', 'workItemUris', 'provenance', 'fixes', 'taxa', 'webRequest', 'webResponse', 'properties'],
    children: { message: 'message', locations: '[location', suppressions: '[suppression', properties: PROPERTY_BAG },
  },
  message: { allowed: ['text', 'markdown', 'id', 'arguments', 'properties'], children: { properties: PROPERTY_BAG } },
  location: {
    allowed: ['id', 'physicalLocation', 'logicalLocations', 'message', 'annotations', 'relationships', 'properties'],
    children: { physicalLocation: 'physicalLocation', logicalLocations: '[logicalLocation', properties: PROPERTY_BAG },
  },
  physicalLocation: { allowed: ['address', 'artifactLocation', 'region', 'contextRegion', 'properties'], children: { artifactLocation: 'artifactLocation', region: 'region', properties: PROPERTY_BAG } },
  artifactLocation: { allowed: ['uri', 'uriBaseId', 'index', 'description', 'properties'], children: { properties: PROPERTY_BAG } },
  region: {
    allowed: ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage', 'properties'],
    children: { properties: PROPERTY_BAG },
  },
  logicalLocation: { allowed: ['name', 'index', 'fullyQualifiedName', 'decoratedName', 'parentIndex', 'kind', 'properties'], children: { properties: PROPERTY_BAG } },
  suppression: { required: ['kind'], allowed: ['guid', 'kind', 'status', 'justification', 'location', 'properties'], children: { properties: PROPERTY_BAG } },
};

const ENUMS: { [path: string]: string[] } = {
  'sarifLog.version': ['2.1.0'],
  'run.columnKind': ['utf16CodeUnits', 'unicodeCodePoints'],
  'result.level': ['none', 'note', 'warning', 'error'],
  'result.kind': ['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'],
  'reportingConfiguration.level': ['none', 'note', 'warning', 'error'],
  'suppression.kind': ['inSource', 'external'],
  'suppression.status': ['accepted', 'underReview', 'rejected'],
};

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(value: unknown, shapeName: string, at: string, problems: string[]): void {
  if (shapeName === PROPERTY_BAG) {
    if (!isObject(value)) problems.push(`${at}: a property bag must be an object`);
    else if (value.tags !== undefined && (!Array.isArray(value.tags) || value.tags.some((t: unknown) => typeof t !== 'string') || new Set(value.tags).size !== value.tags.length)) {
      problems.push(`${at}.tags: must be an array of unique strings`);
    }
    return;
  }
  const shape = SHAPES[shapeName];
  if (!isObject(value)) {
    problems.push(`${at}: ${shapeName} must be an object`);
    return;
  }
  for (const key of shape.required ?? []) if (value[key] === undefined) problems.push(`${at}: ${shapeName} requires "${key}"`);
  for (const [key, v] of Object.entries(value)) {
    if (!shape.allowed.includes(key)) problems.push(`${at}.${key}: not a property of ${shapeName}`);
    if (v === null) problems.push(`${at}.${key}: null is not allowed`);
    const allowedValues = ENUMS[`${shapeName}.${key}`];
    if (allowedValues && !allowedValues.includes(v as string)) problems.push(`${at}.${key}: ${JSON.stringify(v)} is not one of ${allowedValues.join(', ')}`);
    const child = shape.children?.[key];
    if (!child || v === undefined || v === null) continue;
    if (child.startsWith('[')) {
      if (!Array.isArray(v)) problems.push(`${at}.${key}: must be an array`);
      else v.forEach((item, i) => walk(item, child.slice(1), `${at}.${key}[${i}]`, problems));
    } else {
      walk(v, child, `${at}.${key}`, problems);
    }
  }
  if (shapeName === 'message' && typeof value.text !== 'string' && typeof value.id !== 'string') problems.push(`${at}: a message needs "text" or "id"`);
  if (shapeName === 'physicalLocation' && value.artifactLocation === undefined && value.address === undefined) problems.push(`${at}: needs "artifactLocation" or "address"`);
  if (shapeName === 'region' && value.startLine !== undefined && !(Number.isInteger(value.startLine) && value.startLine >= 1)) problems.push(`${at}.startLine: must be an integer >= 1`);
  if (shapeName === 'result' && value.ruleIndex !== undefined && !(Number.isInteger(value.ruleIndex) && value.ruleIndex >= -1)) problems.push(`${at}.ruleIndex: must be an integer >= -1`);
  if (shapeName === 'result' && value.partialFingerprints !== undefined
    && (!isObject(value.partialFingerprints) || Object.values(value.partialFingerprints).some((f) => typeof f !== 'string'))) {
    problems.push(`${at}.partialFingerprints: must map names to strings`);
  }
}

/** Problems with `log` as a SARIF 2.1.0 log for GitHub code scanning; empty when it is valid. */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  walk(log, 'sarifLog', '$', problems);
  if (problems.length > 0) return problems;
  const sarif = log as Record<string, any>;
  sarif.runs.forEach((run: any, r: number) => {
    const at = `$.runs[${r}]`;
    const rules: any[] = run.tool.driver.rules ?? [];
    const ids = rules.map((d) => d.id);
    if (new Set(ids).size !== ids.length) problems.push(`${at}: rule ids are not unique`);
    rules.forEach((d, i) => {
      // GitHub: help.text documents the rule; security-severity is a number from 0.0 to 10.0, as a string.
      if (typeof d.help?.text !== 'string' || d.help.text === '') problems.push(`${at}.tool.driver.rules[${i}]: GitHub needs help.text`);
      const sev = d.properties?.['security-severity'];
      if (sev !== undefined && !(typeof sev === 'string' && /^\d+(\.\d+)?$/.test(sev) && Number(sev) >= 0 && Number(sev) <= 10)) {
        problems.push(`${at}.tool.driver.rules[${i}]: security-severity must be a string number from 0.0 to 10.0 (got ${JSON.stringify(sev)})`);
      }
    });
    if (!Array.isArray(run.results)) problems.push(`${at}: GitHub needs a results array (empty when there is nothing)`);
    const fingerprints = new Set<string>();
    (run.results ?? []).forEach((res: any, i: number) => {
      const rat = `${at}.results[${i}]`;
      if (typeof res.ruleId !== 'string' || !ids.includes(res.ruleId)) problems.push(`${rat}: ruleId ${JSON.stringify(res.ruleId)} has no rule descriptor`);
      if (res.ruleIndex !== undefined && ids[res.ruleIndex] !== res.ruleId) problems.push(`${rat}: ruleIndex ${res.ruleIndex} does not point at rule ${res.ruleId}`);
      if (typeof res.message?.text !== 'string' || res.message.text === '') problems.push(`${rat}: GitHub needs message.text`);
      if (!Array.isArray(res.locations) || res.locations.length === 0) problems.push(`${rat}: GitHub needs a location`);
      for (const loc of res.locations ?? []) {
        const artifact = loc.physicalLocation?.artifactLocation;
        if (typeof artifact?.uri !== 'string' || artifact.uri === '') problems.push(`${rat}: needs physicalLocation.artifactLocation.uri`);
        else if (/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri)) {
          if (!/^file:\/\//.test(artifact.uri)) problems.push(`${rat}: ${artifact.uri} is neither relative nor a file URI`);
        } else if (artifact.uri.startsWith('/') || artifact.uri.includes('\\') || artifact.uriBaseId === undefined) {
          problems.push(`${rat}: a relative URI needs forward slashes and a uriBaseId (got ${JSON.stringify(artifact)})`);
        }
        if (typeof loc.physicalLocation?.region?.startLine !== 'number') problems.push(`${rat}: needs region.startLine`);
      }
      const fp = JSON.stringify(res.partialFingerprints ?? null);
      if (res.partialFingerprints === undefined) problems.push(`${rat}: needs partialFingerprints, or GitHub shows duplicate alerts`);
      else if (fingerprints.has(fp)) problems.push(`${rat}: partialFingerprints ${fp} repeat an earlier result's (code scanning would merge them)`);
      fingerprints.add(fp);
    });
  });
  return problems;
}
