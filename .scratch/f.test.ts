import { ENTRIES, runOne } from '../test/fuzz/harness';
test('x', () => {
  const e = ENTRIES.find((x) => x.name === 'TrustedImage')!;
  for (let p = 0; p < 6; p++) console.log(p, JSON.stringify(runOne(e, { kind: 'replace', path: p, value: '${TfToken[TOKEN.99999]}' })).slice(0, 300));
  console.log(JSON.stringify(runOne(e, { kind: 'extra-key', path: 0, key: 'extra', value: '${TfToken[TOKEN.99999]}' })).slice(0, 300));
  console.log(JSON.stringify(runOne(e, { kind: 'arbitrary', value: '${TfToken[TOKEN.99999]}' })).slice(0, 300));
});
