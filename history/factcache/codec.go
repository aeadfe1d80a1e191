package factcache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unsafe"

	"github.com/seams-dev/seams/facts"
)

// The codec writes a facts.File as a flat stream of varints and strings,
// driven by a plan compiled once from the struct's fields by reflection:
// a field added to package facts is encoded with no change here, and the
// plan's description (every field's name and type) is written in the
// cache file's header, so that a cache written for another layout of the
// structs is never read. Decoding writes through unsafe pointers at the
// fields' offsets, and every decoded string is a substring of the one
// string holding the whole cache file: loading the facts of thousands of
// files allocates little more than their slices.
//
// Supported: strings and string kinds, signed and unsigned integers,
// bools, structs and slices of those. Another kind (a map, a pointer) in
// package facts makes compile panic, which the package's tests catch.

type opKind uint8

const (
	opString opKind = iota
	opInt
	opUint
	opBool
	opStruct
	opSlice
)

// op encodes one field (or a slice element) at offset off of its parent.
type op struct {
	kind opKind
	off  uintptr
	size uintptr      // for opInt/opUint: 1, 2, 4 or 8 bytes
	sub  *plan        // opStruct: the struct; opSlice: the element
	typ  reflect.Type // opSlice: the slice type
}

// plan encodes a value of one type: a list of ops for a struct, or a
// single op (at offset 0) for any other element type.
type plan struct {
	size uintptr
	ops  []op
}

// compile builds the plan of t and appends its description to desc.
func compile(t reflect.Type, desc *strings.Builder) *plan {
	if t.Kind() != reflect.Struct {
		o := leaf(t, 0, desc)
		return &plan{size: t.Size(), ops: []op{o}}
	}
	p := &plan{size: t.Size()}
	fmt.Fprintf(desc, "%s{", t.Name())
	for i := range t.NumField() {
		f := t.Field(i)
		fmt.Fprintf(desc, "%s:", f.Name)
		p.ops = append(p.ops, leaf(f.Type, f.Offset, desc))
		desc.WriteByte(';')
	}
	desc.WriteByte('}')
	return p
}

func leaf(t reflect.Type, off uintptr, desc *strings.Builder) op {
	switch t.Kind() {
	case reflect.String:
		desc.WriteString("s")
		return op{kind: opString, off: off}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		fmt.Fprintf(desc, "i%d", t.Size())
		return op{kind: opInt, off: off, size: t.Size()}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		fmt.Fprintf(desc, "u%d", t.Size())
		return op{kind: opUint, off: off, size: t.Size()}
	case reflect.Bool:
		desc.WriteString("b")
		return op{kind: opBool, off: off}
	case reflect.Struct:
		return op{kind: opStruct, off: off, sub: compile(t, desc)}
	case reflect.Slice:
		desc.WriteString("[]")
		return op{kind: opSlice, off: off, sub: compile(t.Elem(), desc), typ: t}
	}
	panic(fmt.Sprintf("factcache: cannot encode a %s (%s): teach the codec this kind", t.Kind(), t))
}

// filePlan encodes a facts.File; layout describes the structs it
// encodes and is written in the cache file's header. Both are computed
// once and never change.
var filePlan, layout = compileFile()

func compileFile() (*plan, string) {
	var desc strings.Builder
	p := compile(reflect.TypeFor[facts.File](), &desc)
	return p, desc.String()
}

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data unsafe.Pointer
	len  int
	cap  int
}

// encode appends the encoding of f to b.
func encode(b []byte, f *facts.File) []byte {
	return filePlan.encode(b, unsafe.Pointer(f))
}

func (p *plan) encode(b []byte, base unsafe.Pointer) []byte {
	for i := range p.ops {
		o := &p.ops[i]
		ptr := unsafe.Add(base, o.off)
		switch o.kind {
		case opString:
			s := *(*string)(ptr)
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		case opInt:
			b = binary.AppendVarint(b, loadInt(ptr, o.size))
		case opUint:
			b = binary.AppendUvarint(b, loadUint(ptr, o.size))
		case opBool:
			if *(*bool)(ptr) {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
		case opStruct:
			b = o.sub.encode(b, ptr)
		case opSlice:
			// The length plus one, 0 for nil: an empty list and no list
			// come back as they went.
			h := (*sliceHeader)(ptr)
			if h.data == nil {
				b = append(b, 0)
				continue
			}
			b = binary.AppendUvarint(b, uint64(h.len)+1)
			for j := range h.len {
				b = o.sub.encode(b, unsafe.Add(h.data, uintptr(j)*o.sub.size))
			}
		}
	}
	return b
}

func loadInt(p unsafe.Pointer, size uintptr) int64 {
	switch size {
	case 1:
		return int64(*(*int8)(p))
	case 2:
		return int64(*(*int16)(p))
	case 4:
		return int64(*(*int32)(p))
	}
	return *(*int64)(p)
}

func loadUint(p unsafe.Pointer, size uintptr) uint64 {
	switch size {
	case 1:
		return uint64(*(*uint8)(p))
	case 2:
		return uint64(*(*uint16)(p))
	case 4:
		return uint64(*(*uint32)(p))
	}
	return *(*uint64)(p)
}

func storeInt(p unsafe.Pointer, size uintptr, v int64) {
	switch size {
	case 1:
		*(*int8)(p) = int8(v)
	case 2:
		*(*int16)(p) = int16(v)
	case 4:
		*(*int32)(p) = int32(v)
	default:
		*(*int64)(p) = v
	}
}

func storeUint(p unsafe.Pointer, size uintptr, v uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(v)
	case 2:
		*(*uint16)(p) = uint16(v)
	case 4:
		*(*uint32)(p) = uint32(v)
	default:
		*(*uint64)(p) = v
	}
}

var errCorrupt = errors.New("corrupt cache entry")

// decoder reads an encoding. src is the string the encoding is a part
// of, from pos; decoded strings are substrings of it.
type decoder struct {
	src string
	pos int
	err error
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	var s uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if d.pos >= len(d.src) {
			d.err = errCorrupt
			return 0
		}
		c := d.src[d.pos]
		d.pos++
		if c < 0x80 {
			return x | uint64(c)<<s
		}
		x |= uint64(c&0x7f) << s
		s += 7
	}
	d.err = errCorrupt
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// length reads a length and checks that at least min bytes per unit
// remain, so that a corrupt length cannot ask for a huge allocation.
func (d *decoder) length(min int) int {
	n := d.uvarint()
	if d.err == nil && n > uint64(len(d.src)-d.pos)/uint64(max(min, 1))+1 {
		d.err = errCorrupt
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

// decode decodes one facts.File.
func (d *decoder) decode() (*facts.File, error) {
	f := new(facts.File)
	filePlan.decode(d, unsafe.Pointer(f))
	if d.err != nil {
		return nil, d.err
	}
	return f, nil
}

func (p *plan) decode(d *decoder, base unsafe.Pointer) {
	for i := range p.ops {
		if d.err != nil {
			return
		}
		o := &p.ops[i]
		ptr := unsafe.Add(base, o.off)
		switch o.kind {
		case opString:
			n := d.length(1)
			if d.err != nil || n > len(d.src)-d.pos {
				d.err = errCorrupt
				return
			}
			*(*string)(ptr) = d.src[d.pos : d.pos+n]
			d.pos += n
		case opInt:
			storeInt(ptr, o.size, d.varint())
		case opUint:
			storeUint(ptr, o.size, d.uvarint())
		case opBool:
			*(*bool)(ptr) = d.uvarint() != 0
		case opStruct:
			o.sub.decode(d, ptr)
		case opSlice:
			n := d.length(1)
			if n == 0 {
				continue // nil
			}
			n--
			s := reflect.MakeSlice(o.typ, n, n)
			data := s.UnsafePointer()
			for j := range n {
				o.sub.decode(d, unsafe.Add(data, uintptr(j)*o.sub.size))
			}
			*(*sliceHeader)(ptr) = sliceHeader{data: data, len: n, cap: n}
		}
	}
}
