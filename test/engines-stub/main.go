// A schema-only Terraform provider for `terraform validate` of the synthesized Hyper-V and VirtualBox
// JSON while the real providers cannot be built here (the Go module proxy serves neither
// taliesins/terraform-provider-hyperv nor the VirtualBox providers). It serves the schema lists of
// test/vm/schema/*.json through plugin protocol 5, so Terraform's own configuration decoder checks
// every attribute name, value type, required attribute and block nesting. It plans and applies
// nothing: every other RPC is left unimplemented.
//
// The provider type comes from the binary name (terraform-provider-hyperv / -virtualbox); the
// schema directory from SCHEMA_STUB_DIR; the VirtualBox source from SCHEMA_STUB_VIRTUALBOX_SOURCE
// (default shekeriev/virtualbox).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov5"
	"github.com/hashicorp/terraform-plugin-go/tfprotov5/tf5server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

type attribute struct {
	Type         string   `json:"type"`
	Required     bool     `json:"required"`
	ComputedOnly bool     `json:"computed_only"`
	Deprecated   bool     `json:"deprecated"`
	Keys         []string `json:"keys"`
}

type block struct {
	Attributes map[string]attribute `json:"attributes"`
	Blocks     map[string]block     `json:"blocks"`
	Max        int64                `json:"max"`
}

type schemaFile struct {
	Provider map[string]block `json:"provider"`
	Resource map[string]block `json:"resource"`
}

func attrType(t string) tftypes.Type {
	switch t {
	case "string":
		return tftypes.String
	case "number":
		return tftypes.Number
	case "bool":
		return tftypes.Bool
	case "list(string)":
		return tftypes.List{ElementType: tftypes.String}
	case "set(string)":
		return tftypes.Set{ElementType: tftypes.String}
	case "map(bool)":
		return tftypes.Map{ElementType: tftypes.Bool}
	}
	log.Fatalf("unknown schema type %q", t)
	return nil
}

func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// toBlock converts a schema list block; `object` attributes (timeouts) become a single nested block,
// as terraform-plugin-sdk v2 declares them.
func toBlock(b block, skip map[string]bool) *tfprotov5.SchemaBlock {
	out := &tfprotov5.SchemaBlock{}
	for _, name := range sortedKeys(b.Attributes) {
		a := b.Attributes[name]
		if skip[name] {
			continue
		}
		if a.Type == "object" {
			nested := &tfprotov5.SchemaBlock{}
			for _, k := range a.Keys {
				nested.Attributes = append(nested.Attributes, &tfprotov5.SchemaAttribute{Name: k, Type: tftypes.String, Optional: true})
			}
			out.BlockTypes = append(out.BlockTypes, &tfprotov5.SchemaNestedBlock{TypeName: name, Block: nested, Nesting: tfprotov5.SchemaNestedBlockNestingModeSingle})
			continue
		}
		out.Attributes = append(out.Attributes, &tfprotov5.SchemaAttribute{
			Name: name, Type: attrType(a.Type), Required: a.Required, Optional: !a.Required && !a.ComputedOnly, Computed: a.ComputedOnly, Deprecated: a.Deprecated,
		})
	}
	for _, name := range sortedKeys(b.Blocks) {
		nb := b.Blocks[name]
		out.BlockTypes = append(out.BlockTypes, &tfprotov5.SchemaNestedBlock{TypeName: name, Block: toBlock(nb, nil), Nesting: tfprotov5.SchemaNestedBlockNestingModeList, MaxItems: nb.Max})
	}
	return out
}

type server struct {
	tfprotov5.ProviderServer // nil: RPCs that `terraform validate` never calls stay unimplemented
	schema                   *tfprotov5.GetProviderSchemaResponse
}

func (s *server) GetMetadata(context.Context, *tfprotov5.GetMetadataRequest) (*tfprotov5.GetMetadataResponse, error) {
	resp := &tfprotov5.GetMetadataResponse{}
	for name := range s.schema.ResourceSchemas {
		resp.Resources = append(resp.Resources, tfprotov5.ResourceMetadata{TypeName: name})
	}
	return resp, nil
}

func (s *server) GetProviderSchema(context.Context, *tfprotov5.GetProviderSchemaRequest) (*tfprotov5.GetProviderSchemaResponse, error) {
	return s.schema, nil
}

func (s *server) GetResourceIdentitySchemas(context.Context, *tfprotov5.GetResourceIdentitySchemasRequest) (*tfprotov5.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov5.GetResourceIdentitySchemasResponse{}, nil
}

func (s *server) PrepareProviderConfig(_ context.Context, req *tfprotov5.PrepareProviderConfigRequest) (*tfprotov5.PrepareProviderConfigResponse, error) {
	return &tfprotov5.PrepareProviderConfigResponse{PreparedConfig: req.Config}, nil
}

func (s *server) ValidateResourceTypeConfig(context.Context, *tfprotov5.ValidateResourceTypeConfigRequest) (*tfprotov5.ValidateResourceTypeConfigResponse, error) {
	return &tfprotov5.ValidateResourceTypeConfigResponse{}, nil
}

func (s *server) StopProvider(context.Context, *tfprotov5.StopProviderRequest) (*tfprotov5.StopProviderResponse, error) {
	return &tfprotov5.StopProviderResponse{}, nil
}

func main() {
	name := strings.TrimPrefix(filepath.Base(os.Args[0]), "terraform-provider-")
	name = strings.SplitN(name, "_", 2)[0]
	dir := os.Getenv("SCHEMA_STUB_DIR")
	file, providerKey, address := "", "", ""
	switch name {
	case "hyperv":
		file, providerKey, address = "hyperv-1.2.1.json", "hyperv", "registry.terraform.io/taliesins/hyperv"
	case "virtualbox":
		providerKey = os.Getenv("SCHEMA_STUB_VIRTUALBOX_SOURCE")
		if providerKey == "" {
			providerKey = "shekeriev/virtualbox"
		}
		file, address = "virtualbox.json", "registry.terraform.io/"+providerKey
	default:
		log.Fatalf("no schema for provider %q", name)
	}
	raw, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		log.Fatal(err)
	}
	var parsed schemaFile
	if err := json.Unmarshal(raw, &parsed); err != nil {
		log.Fatal(err)
	}
	providerBlock, ok := parsed.Provider[providerKey]
	if !ok {
		log.Fatal(fmt.Sprintf("no provider %q in %s", providerKey, file))
	}
	resp := &tfprotov5.GetProviderSchemaResponse{
		// `alias` is Terraform's meta-argument, not a provider attribute.
		Provider:        &tfprotov5.Schema{Block: toBlock(providerBlock, map[string]bool{"alias": true})},
		ResourceSchemas: map[string]*tfprotov5.Schema{},
	}
	for _, t := range sortedKeys(parsed.Resource) {
		resp.ResourceSchemas[t] = &tfprotov5.Schema{Block: toBlock(parsed.Resource[t], nil)}
	}
	if err := tf5server.Serve(address, func() tfprotov5.ProviderServer { return &server{schema: resp} }); err != nil {
		log.Fatal(err)
	}
}
