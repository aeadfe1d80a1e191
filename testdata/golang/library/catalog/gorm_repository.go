package catalog

import (
	"gorm.io/gorm"

	"example.com/library/shared"
)

// GormBookRepository stores books with GORM.
type GormBookRepository struct {
	db *gorm.DB
}

// NewGormBookRepository returns a repository on db.
func NewGormBookRepository(db *gorm.DB) *GormBookRepository {
	return &GormBookRepository{db: db}
}

// Find reads one book.
func (r *GormBookRepository) Find(id int64) (*Book, error) {
	var b Book
	if err := r.db.First(&b, id).Error; err != nil {
		return nil, shared.ErrNotFound
	}
	return &b, nil
}

// Save writes a book.
func (r *GormBookRepository) Save(b *Book) error {
	return r.db.Save(b).Error
}

// ByAuthor lists an author's books.
func (r *GormBookRepository) ByAuthor(authorID int64) ([]Book, error) {
	var books []Book
	err := r.db.Where("author_id = ?", authorID).Find(&books).Error
	return books, err
}

// Rename renames an author.
func (r *GormBookRepository) Rename(authorID int64, name string) error {
	return r.db.Model(&Author{}).Where("id = ?", authorID).Update("name", name).Error
}

// Tags reads the tags of a book from a table no model maps.
func (r *GormBookRepository) Tags(bookID int64) ([]Tag, error) {
	var tags []Tag
	err := r.db.Table("book_tags").Where("book_id = ?", bookID).Find(&tags).Error
	return tags, err
}

// Popular runs raw SQL through GORM.
func (r *GormBookRepository) Popular() ([]Book, error) {
	var books []Book
	err := r.db.Raw("SELECT b.* FROM books b JOIN loans l ON l.book_id = b.id GROUP BY b.id").Scan(&books).Error
	return books, err
}
