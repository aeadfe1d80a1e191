package catalog

// Author wrote books (a GORM model whose TableName names its table).
type Author struct {
	ID   int64
	Name string
}

// TableName maps Author to the authors table.
func (Author) TableName() string { return "book_authors" }
