package typescript

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func parse(t *testing.T, path, src string) *facts.File {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f, err := p.Parse(context.Background(), path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func importsOf(f *facts.File) []string {
	var out []string
	for _, i := range f.Imports {
		s := fmt.Sprintf("%s %s as %s", i.From, i.Name, i.Alias)
		if i.Wildcard {
			s += " *"
		}
		if i.Export {
			s += " export"
		}
		out = append(out, s)
	}
	return out
}

func exportsOf(f *facts.File) []string {
	var out []string
	for _, e := range f.Exports {
		out = append(out, e.Name+"="+e.Local)
	}
	return out
}

func refsOf(f *facts.File) []string {
	var out []string
	for _, r := range f.Refs {
		from := "-"
		if r.From >= 0 {
			from = f.Types[r.From].Name
		}
		s := fmt.Sprintf("%s %s %s", from, r.Kind, r.Name)
		if r.Kind == facts.Call {
			s = fmt.Sprintf("%s call %s", from, describe(f, r.Recv)+r.Member)
		}
		out = append(out, s)
	}
	return out
}

func describe(f *facts.File, i int) string {
	if i < 0 {
		return ""
	}
	e := f.Exprs[i]
	base := ""
	if e.Base >= 0 {
		base = describe(f, e.Base)
	}
	switch e.Kind {
	case facts.ExprScope:
		return ""
	case facts.ExprThis:
		return "this."
	case facts.ExprSuper:
		return "super."
	case facts.ExprType:
		return "(" + e.Name + ")."
	case facts.ExprStatic:
		return e.Name + "."
	case facts.ExprField:
		return base + e.Name + "."
	case facts.ExprCall:
		return base + e.Name + "()."
	case facts.ExprAwait:
		return "await " + base
	case facts.ExprElement:
		return "elem(" + base + ")."
	}
	return "?."
}

func TestImportsAndExports(t *testing.T) {
	f := parse(t, "src/a.ts", `import Def, { A, B as C, type T } from './m';
import * as ns from '../ns';
import './side';
import fs = require('fs');
const x = require('./x');
const { y, z: w } = require('./y');
const q = require('./q').q;
export { R, S as U } from './rs';
export * from './all';
export * as everything from './every';
export class K {}
export default function main() {}
export const k = 1, h = () => 2;
function local() {}
export { local as renamed };
`)
	wantImports := []string{
		"./m default as Def", "./m A as A", "./m B as C", "./m T as T", "../ns * as ns *", "./side  as ",
		"fs * as fs *", "./x * as x *", "./y y as y", "./y z as w", "./q q as q",
		"./rs R as R export", "./rs S as U export", "./all * as  * export", "./every * as everything * export",
	}
	if got := importsOf(f); !slices.Equal(got, wantImports) {
		t.Errorf("imports:\n got %q\nwant %q", got, wantImports)
	}
	wantExports := []string{"K=K", "default=main", "k=k", "h=h", "renamed=local"}
	if got := exportsOf(f); !slices.Equal(got, wantExports) {
		t.Errorf("exports:\n got %q\nwant %q", got, wantExports)
	}
	if f.Package != "src" {
		t.Errorf("package %q", f.Package)
	}
	var mod *facts.Type
	for i := range f.Types {
		if f.Types[i].Kind == facts.Module {
			mod = &f.Types[i]
		}
	}
	if mod == nil || mod.Name != "a" {
		t.Fatalf("no module type a: %+v", f.Types)
	}
	var methods []string
	for _, m := range mod.Methods {
		methods = append(methods, m.Name)
	}
	if want := []string{"main", "h", "local"}; !slices.Equal(methods, want) {
		t.Errorf("module methods %q, want %q", methods, want)
	}
}

func TestCommonJSExports(t *testing.T) {
	f := parse(t, "lib/x.js", `class Repo {}
module.exports = Repo;
module.exports.helper = function () {};
exports.other = () => 1;
exports.value = 42;
`)
	want := []string{"default=Repo", "helper=helper", "other=other", "value=value"}
	if got := exportsOf(f); !slices.Equal(got, want) {
		t.Errorf("exports %q, want %q", got, want)
	}
	if f.Language != "javascript" {
		t.Errorf("language %q", f.Language)
	}
}

func TestReferences(t *testing.T) {
	f := parse(t, "src/svc.ts", `import { Repo } from './repo';
import { helper } from './h';
import * as ns from './ns';
import { Status } from './status';

@Injectable()
export class Svc extends Base<Item> implements Api {
  constructor(private readonly repo: Repo, plain: number) { super(); }

  async run(items: Item[]): Promise<void> {
    const r = new Repo();
    r.save();
    for (const it of items) { it.touch(); }
    this.repo.find().then((x) => x.go());
    helper(Status.Active);
    ns.util();
    (await this.repo.load()).go();
    const local = (n: number) => n;
    local(1);
  }
}
`)
	want := []string{
		"Svc annotation Injectable",
		"Svc extends Base", "Svc type-use Item", "Svc implements Api",
		"Svc type-use Repo", "Svc call super.<init>",
		"Svc type-use Item", "Svc type-use Promise",
		"Svc new Repo", "Svc call (Repo).save",
		"Svc call elem((Item[]).).touch",
		"Svc call this.repo.find().then", "Svc call this.repo.find", "Svc call ?.go",
		"Svc call helper", "Svc type-use Status",
		"Svc call ns.util",
		"Svc call await this.repo.load().go", "Svc call this.repo.load",
	}
	if got := refsOf(f); !slices.Equal(got, want) {
		t.Errorf("refs:\n got %q\nwant %q", got, want)
	}
	var fields []string
	for _, fd := range f.Types[0].Fields {
		fields = append(fields, fd.Name+":"+fd.Type)
	}
	if want := []string{"repo:Repo"}; !slices.Equal(fields, want) {
		t.Errorf("fields %q, want %q", fields, want)
	}
}

func TestJSXAndLoads(t *testing.T) {
	f := parse(t, "src/page.tsx", `import { Card } from './card';
import * as ui from './ui';
import './styles.css';
const Lazy = lazy(() => import('./lazy'));
export function Page() {
  return <div><Card /><ui.Button /><Lazy /></div>;
}
`)
	got := strings.Join(refsOf(f), "\n")
	for _, w := range []string{"page import ./styles.css", "page import ./lazy", "page call Card", "page call ui.Button", "page call Lazy"} {
		if !strings.Contains(got, w) {
			t.Errorf("no %q in\n%s", w, got)
		}
	}
	if strings.Contains(got, "call div") {
		t.Errorf("an HTML element is a call:\n%s", got)
	}
}

func dataOf(f *facts.File) []string {
	var out []string
	for _, d := range f.Data {
		out = append(out, fmt.Sprintf("%s %s%s %s", d.Kind, d.Object, d.Entity, d.Via))
	}
	slices.Sort(out)
	return out
}

func TestDataAccess(t *testing.T) {
	f := parse(t, "src/repo.ts", `import { Repository, EntityManager } from 'typeorm';
import { User } from './user';
import { prisma } from './db';
import { Order } from '../models';
const Q = 'SELECT * FROM audit_log WHERE id = ?';
export class UserRepo {
  constructor(@InjectRepository(User) private repo: Repository<User>, private manager: EntityManager) {}
  async go(db: Pool) {
    await this.repo.findOne({});
    await this.repo.save({});
    await getRepository(User).delete(1);
    await this.manager.find(User, {});
    await prisma.invoice.findMany();
    await prisma.invoice.create({});
    await Order.findAll();
    await Order.create({});
    await Date.now();
    await db.query(Q);
    await db.query('UPDATE users SET name = $1 WHERE id = $2');
    await db.query(sql`+"`DELETE FROM sessions WHERE user_id = ${1}`"+`);
    await db.query('not sql at all');
  }
}
`)
	want := []string{
		"reads User typeorm", "reads User typeorm", "reads audit_log sql", "reads prisma.invoice prisma",
		"reads Order typeorm", "writes Order typeorm",
		"writes User typeorm", "writes User typeorm", "writes prisma.invoice prisma",
		"writes sessions sql", "writes users sql",
	}
	slices.Sort(want)
	if got := dataOf(f); !slices.Equal(got, want) {
		t.Errorf("data:\n got %q\nwant %q", got, want)
	}
}

func TestMappings(t *testing.T) {
	f := parse(t, "src/entities.ts", `import { Entity, ManyToOne, OneToOne, JoinColumn } from 'typeorm';
import { Table, Model } from 'sequelize-typescript';
@Entity()
export class OrderLine {
  @ManyToOne(() => Order) order: Order;
  @OneToOne(() => Invoice) @JoinColumn() invoice: Invoice;
  @OneToOne(() => Note) note: Note;
}
@Entity({ name: 'orders', schema: 'shop' }) export class Order {}
@Table({ tableName: 'people' }) export class Person extends Model {}
@Table export class Category extends Model {}
export class Box extends Model {}
Box.init({}, { sequelize, modelName: 'box' });
export const Tag = sequelize.define('tag', {}, { freezeTableName: true });
`)
	var got []string
	for _, tb := range f.Tables {
		ent := ""
		if tb.Entity >= 0 {
			ent = f.Types[tb.Entity].Name
		}
		s := tb.Name + " " + ent + " " + tb.Via
		for _, fk := range tb.ForeignKeys {
			s += " fk:" + fk.Entity
		}
		got = append(got, s)
	}
	want := []string{"order_line OrderLine typeorm fk:Order fk:Invoice", "shop.orders Order typeorm", "people Person sequelize",
		"categories Category sequelize", "boxes Box sequelize", "tag Tag sequelize"}
	if !slices.Equal(got, want) {
		t.Errorf("tables:\n got %q\nwant %q", got, want)
	}
}

func TestPrismaSchema(t *testing.T) {
	f := parse(t, "prisma/schema.prisma", `model User {
  id    Int    @id
  posts Post[]
  @@map("users")
}
// a comment
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
  @@schema("blog")
}
enum Role { ADMIN }
`)
	var got []string
	for _, tb := range f.Tables {
		s := tb.Name + " " + f.Types[tb.Entity].Name
		for _, fk := range tb.ForeignKeys {
			s += " fk:" + fk.Entity + ":" + strings.Join(fk.Columns, ",")
		}
		got = append(got, s)
	}
	if want := []string{"users User", "blog.post Post fk:User:authorId"}; !slices.Equal(got, want) {
		t.Errorf("tables %q, want %q", got, want)
	}
}

func TestProjectFiles(t *testing.T) {
	f := parse(t, "tsconfig.json", `{
  // comment
  "extends": "./base.json",
  "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*", "lib/*"], }, },
}`)
	var got []string
	for _, s := range f.Settings {
		got = append(got, s.Key+" "+s.Pattern+" "+strings.Join(s.Values, ","))
	}
	if want := []string{"extends  ./base.json", "baseUrl  .", "paths @app/* src/*,lib/*"}; !slices.Equal(got, want) {
		t.Errorf("settings %q, want %q", got, want)
	}
	p := parse(t, "packages/core/package.json", `{ "name": "@acme/core", "main": "dist/index.js", "exports": { ".": { "import": "./dist/index.mjs" } } }`)
	if len(p.Settings) != 3 || p.Settings[0].Values[0] != "@acme/core" {
		t.Errorf("package.json settings %+v", p.Settings)
	}
	if f := parse(t, "data/locale.json", `{ "hello": "world" }`); f != nil {
		t.Errorf("a data file gave facts: %+v", f)
	}
}

func TestModuleName(t *testing.T) {
	for in, want := range map[string]string{"src/order.service.ts": "order-service", "index.tsx": "index", "types.d.ts": "types", "a/b.js": "b"} {
		if got := ModuleName(in); got != want {
			t.Errorf("ModuleName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSyntaxErrorKeepsFacts(t *testing.T) {
	f := parse(t, "src/broken.ts", "export class A { m( { }\nexport class B {}\n")
	if len(f.Diagnostics) != 1 || f.Diagnostics[0].Code != "syntax" {
		t.Errorf("diagnostics %+v", f.Diagnostics)
	}
	if len(f.Types) == 0 {
		t.Error("no facts kept")
	}
}
