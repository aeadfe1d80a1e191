// Package gorm is a stand-in for gorm.io/gorm: the signatures the test
// monolith calls, so that it type-checks offline (-mod=vendor).
package gorm

import "time"

// Model is GORM's base model.
type Model struct {
	ID        uint
	CreatedAt time.Time
	UpdatedAt time.Time
}

// DB is a GORM session.
type DB struct {
	Error        error
	RowsAffected int64
}

func (db *DB) Where(query interface{}, args ...interface{}) *DB    { return db }
func (db *DB) Model(value interface{}) *DB                         { return db }
func (db *DB) Table(name string, args ...interface{}) *DB          { return db }
func (db *DB) Order(value interface{}) *DB                         { return db }
func (db *DB) Find(dest interface{}, conds ...interface{}) *DB     { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB    { return db }
func (db *DB) Create(value interface{}) *DB                        { return db }
func (db *DB) Save(value interface{}) *DB                          { return db }
func (db *DB) Update(column string, value interface{}) *DB         { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB  { return db }
func (db *DB) Count(count *int64) *DB                              { return db }
func (db *DB) Raw(sql string, values ...interface{}) *DB           { return db }
func (db *DB) Exec(sql string, values ...interface{}) *DB          { return db }
func (db *DB) Scan(dest interface{}) *DB                           { return db }
func Open(dialector interface{}, opts ...interface{}) (*DB, error) { return &DB{}, nil }
