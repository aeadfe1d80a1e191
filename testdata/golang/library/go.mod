module example.com/library

go 1.22

require (
	entgo.io/ent v0.14.1
	github.com/jmoiron/sqlx v1.4.0
	gorm.io/gorm v1.25.12
)
