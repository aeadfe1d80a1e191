// Command library serves the library.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"

	"example.com/library/billing"
	"example.com/library/billing/db"
	"example.com/library/catalog"
	"example.com/library/lending"
	"example.com/library/lending/ent"
	"example.com/library/shared"
)

func main() {
	gdb, err := gorm.Open(nil)
	if err != nil {
		log.Fatal(err)
	}
	xdb, err := sqlx.Connect("postgres", "")
	if err != nil {
		log.Fatal(err)
	}
	books := catalog.NewService(catalog.NewGormBookRepository(gdb), shared.SystemClock{})
	loans := lending.NewLoanStore(xdb)
	lend := lending.NewService(loans, lending.NewCatalogAdapter(books), lending.LogNotifier{Prefix: "library: "}, &ent.Client{})
	var conn *sql.DB
	_ = billing.NewService(loans, &billing.InvoiceRepository{}, billing.NewLedger(db.DBTX(conn)))
	mux := http.NewServeMux()
	lending.Routes(mux, lend)
	log.Fatal(http.ListenAndServe(":8080", mux))
}
