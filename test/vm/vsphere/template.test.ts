import { ContentLibraryItem } from '@cdktf/provider-vsphere/lib/content-library-item';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { TemplateSource, TemplateSourceKind, VmTemplate, VmTemplateProps } from '../../../lib';
import { newStack, resolve, synthJson } from './helpers';

const INVENTORY = { datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01' };

function build(source: TemplateSource, props: Partial<VmTemplateProps> = {}) {
  const stack = newStack();
  const template = new VmTemplate(stack, 'Golden', { ...INVENTORY, source, ...props });
  return { stack, template };
}

describe('VmTemplate', () => {
  test('snapshot: existing template looked up by name', () => {
    expect(Testing.synthScope((scope) => {
      const t = new VmTemplate(scope, 'Golden', { ...INVENTORY, source: TemplateSource.existingTemplate('ubuntu-golden') });
      t.networkId('pg-app');
    })).toMatchSnapshot();
  });

  test('snapshot: OVA imported into a content library', () => {
    expect(Testing.synthScope((scope) => {
      new VmTemplate(scope, 'Golden', { ...INVENTORY, source: TemplateSource.ovfUrl('https://images.example.com/ubuntu-22.04.ova') });
    })).toMatchSnapshot();
  });

  test('existing template: datacenter, cluster, datastore and template data sources', () => {
    const { stack, template } = build(TemplateSource.existingTemplate('ubuntu-golden'));
    const data = synthJson(stack).data;
    expect(Object.values(data.vsphere_datacenter)).toEqual([{ name: 'dc-01' }]);
    expect(Object.values(data.vsphere_compute_cluster)).toEqual([{ name: 'cluster-01', datacenter_id: expect.stringContaining('vsphere_datacenter') }]);
    expect(Object.values(data.vsphere_datastore)).toEqual([{ name: 'vsan-01', datacenter_id: expect.stringContaining('vsphere_datacenter') }]);
    expect(Object.values(data.vsphere_virtual_machine)).toEqual([{ name: 'ubuntu-golden', datacenter_id: expect.stringContaining('vsphere_datacenter') }]);
    expect(template.source.kind).toBe(TemplateSourceKind.EXISTING_TEMPLATE);
    expect(resolve(stack, template.templateUuid)).toEqual(resolve(stack, template.templateData!.uuid));
    expect(resolve(stack, template.guestId)).toEqual(resolve(stack, template.templateData!.guestId));
    expect(resolve(stack, template.resourcePoolId)).toEqual(resolve(stack, template.computeClusterData.resourcePoolId));
  });

  test('networkId looks a network up once per name', () => {
    const { stack, template } = build(TemplateSource.existingTemplate('ubuntu-golden'));
    expect(resolve(stack, template.networkId('pg app'))).toEqual(resolve(stack, template.networkId('pg app')));
    template.networkId('pg-db');
    const networks = Object.values(synthJson(stack).data.vsphere_network) as any[];
    expect(networks.map((n) => n.name).sort()).toEqual(['pg app', 'pg-db']);
  });

  test('OVF URL: content library on the datastore and an ovf item; defaultChild is the item', () => {
    const { stack, template } = build(TemplateSource.ovfUrl('https://images.example.com/ubuntu.ova', { libraryName: 'golden', itemName: 'ubuntu' }));
    const json = synthJson(stack);
    expect(Object.values(json.resource.vsphere_content_library)).toEqual([{
      name: 'golden', description: 'Golden images managed by cdktf-hybrid', storage_backing: [expect.stringContaining('vsphere_datastore')],
    }]);
    expect(Object.values(json.resource.vsphere_content_library_item)).toEqual([{
      name: 'ubuntu', library_id: expect.stringContaining('vsphere_content_library.'), file_url: 'https://images.example.com/ubuntu.ova',
      type: 'ovf', description: 'Golden image managed by cdktf-hybrid',
    }]);
    expect(Node.of(template).defaultChild).toBe(template.libraryItemResource);
    expect(template.libraryItemResource).toBeInstanceOf(ContentLibraryItem);
    expect(resolve(stack, template.templateUuid)).toEqual(resolve(stack, template.libraryItemResource!.id));
    expect(template.guestId).toBeUndefined();
  });

  test('content library item: looked up by library and item name', () => {
    const { stack } = build(TemplateSource.contentLibraryItem('golden', 'rhel9'));
    const data = synthJson(stack).data;
    expect(Object.values(data.vsphere_content_library)).toEqual([{ name: 'golden' }]);
    expect(Object.values(data.vsphere_content_library_item)).toEqual([{ name: 'rhel9', type: 'ovf', library_id: expect.stringContaining('vsphere_content_library') }]);
  });

  test.each<[string, () => TemplateSource, Partial<VmTemplateProps>, RegExp]>([
    ['fails with a plain http OVF URL', () => TemplateSource.ovfUrl('http://images.example.com/u.ova'), {}, /^stack\/Golden: source\.url: must be an https:\/\/ URL of an \.ova or \.ovf file \(got "http:\/\/images\.example\.com\/u\.ova"\)/],
    ['fails with a URL that is not an OVF/OVA', () => TemplateSource.ovfUrl('https://images.example.com/u.iso'), {}, /source\.url: must be an https:\/\/ URL/],
    ['fails without a template name', () => TemplateSource.existingTemplate(''), {}, /source\.templateName: is required/],
    ['fails without a datacenter name', () => TemplateSource.existingTemplate('t'), { datacenterName: '' }, /datacenterName: is required/],
    ['fails without a content library item name', () => TemplateSource.contentLibraryItem('lib', ''), {}, /source: needs libraryName and itemName/],
  ])('%s', (_name, source, props, message) => {
    expect(() => build(source(), props)).toThrow(message);
  });

  test('fails with an empty network name', () => {
    const { template } = build(TemplateSource.existingTemplate('t'));
    expect(() => template.networkId('')).toThrow(/networkName: is required/);
  });
});

describe('VmTemplate OVF URLs against vmware/vsphere 2.15.0', () => {
  // The provider picks OVA vs OVF with a case-sensitive HasSuffix(url, ".ova"): anything else
  // sends an OVA down the OVF import path and the apply fails.
  test.each([
    ['an upper-case extension', 'https://images.example.com/ubuntu.OVA'],
    ['a query string (signed URL)', 'https://images.example.com/ubuntu.ova?sig=abc'],
    ['a fragment', 'https://images.example.com/ubuntu.ova#v1'],
  ])('fails with %s', (_name, url) => {
    expect(() => build(TemplateSource.ovfUrl(url)))
      .toThrow(/^stack\/Golden: source\.url: must be an https:\/\/ URL of an \.ova or \.ovf file \(got ".*"\)\. .*vmware\/vsphere 2\.15\.0 detects an OVA only by a URL ending in "\.ova"/);
  });

  test.each(['https://images.example.com/ubuntu-22.04.ova', 'https://images.example.com/path/appliance.ovf'])('accepts %s', (url) => {
    expect(() => build(TemplateSource.ovfUrl(url))).not.toThrow();
  });
});
