package doctrinexml

import (
	"fmt"
	"slices"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func TestExtract(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE doctrine-mapping SYSTEM "http://example.invalid/never-fetched.dtd">
<doctrine-mapping xmlns="http://doctrine-project.org/schemas/orm/doctrine-mapping">
    <entity name="App\Ordering\Order" table="orders" schema="shop">
        <id name="id" type="string"/>
        <many-to-one field="customer" target-entity="Customer"/>
        <one-to-many field="lines" target-entity="App\Ordering\OrderLine" mapped-by="order"/>
        <many-to-many field="tags" target-entity="\App\Catalog\Tag">
            <join-table name="order_tags"/>
        </many-to-many>
        <many-to-many field="coupons" target-entity="Coupon"/>
        <one-to-one field="invoice" target-entity="App\Billing\Invoice" mapped-by="order"/>
    </entity>
    <entity name="App\Ordering\Customer"/>
    <mapped-superclass name="App\Common\Base"><many-to-one field="x" target-entity="Y"/></mapped-superclass>
    <embeddable name="App\Common\Money"/>
</doctrine-mapping>`
	if !Is([]byte(src)) {
		t.Fatal("not recognised")
	}
	f := &facts.File{Path: "Order.orm.xml"}
	Extract(f, []byte(src))
	var got []string
	for _, tb := range f.Tables {
		s := fmt.Sprintf("%s|%s", tb.Name, tb.EntityName)
		for _, fk := range tb.ForeignKeys {
			s += " ->" + fk.Entity
		}
		got = append(got, s)
	}
	want := []string{
		"shop.orders|App.Ordering.Order",
		"|App.Ordering.Order ->App.Ordering.Customer",
		"|App.Ordering.OrderLine ->App.Ordering.Order",
		"order_tags| ->App.Ordering.Order ->App.Catalog.Tag",
		"order_coupon| ->App.Ordering.Order ->App.Ordering.Coupon",
		"|App.Billing.Invoice ->App.Ordering.Order",
		"customer|App.Ordering.Customer",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}
	if len(f.Diagnostics) != 0 {
		t.Errorf("diagnostics: %v", f.Diagnostics)
	}
}

func TestExtractMalformed(t *testing.T) {
	f := &facts.File{Path: "x.orm.xml"}
	Extract(f, []byte(`<doctrine-mapping><entity name="A\B" table="b"><field name="x"</doctrine-mapping>`))
	if len(f.Tables) != 1 || f.Tables[0].Name != "b" {
		t.Errorf("tables = %+v", f.Tables)
	}
	if len(f.Diagnostics) != 1 {
		t.Errorf("diagnostics = %+v", f.Diagnostics)
	}
}
