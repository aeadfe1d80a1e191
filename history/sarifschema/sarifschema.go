// Package sarifschema validates SARIF logs against the official SARIF
// 2.1.0 JSON schema, for the tests of seams check's SARIF output.
//
// sarif-schema-2.1.0.json is the schema published by the OASIS SARIF
// technical committee (sarif-2.1/schema/sarif-schema-2.1.0.json in its
// sarif-spec repository; its "id" names the errata01 edition), kept here
// unchanged so that tests never reach the network.
package sarifschema

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed sarif-schema-2.1.0.json
var schemaText []byte

// Validate checks that data is a SARIF 2.1.0 log.
func Validate(data []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaText))
	if err != nil {
		return fmt.Errorf("the SARIF schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return err
	}
	sch, err := c.Compile(url)
	if err != nil {
		return fmt.Errorf("compiling the SARIF schema: %w", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not JSON: %w", err)
	}
	return sch.Validate(inst)
}
