// Command interop checks audit-service's C2SP checkpoints, tiles, entry bundles and RFC 9162
// proofs with Go's own golang.org/x/mod/sumdb/note and .../tlog, an implementation nobody on
// this project wrote. Run by the JUnit test GoInteropTest (audit-service/README.md, "Standard
// formats"); it exits non-zero at the first thing that does not verify.
//
// Built in GOPATH mode against Debian's golang-golang-x-mod-dev (x/mod 0.7.0), no network:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o interop main.go
package main

import (
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

// tiles reads our tlog-tiles paths below base (a directory or an http(s) URL prefix).
// x/mod names tiles tile/<H>/<L>/<N>; C2SP drops the height (always 8) and calls data "entries".
type tiles struct{ base string }

func c2spPath(t tlog.Tile) string {
	p := strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", t.H))
	if strings.HasPrefix(p, "data/") {
		p = "entries/" + strings.TrimPrefix(p, "data/")
	}
	return "tile/" + p
}

func (r tiles) read(path string) ([]byte, error) {
	if strings.HasPrefix(r.base, "http://") || strings.HasPrefix(r.base, "https://") {
		resp, err := http.Get(strings.TrimSuffix(r.base, "/") + "/" + path)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return nil, fmt.Errorf("GET %s: %s", path, resp.Status)
		}
		return io.ReadAll(resp.Body)
	}
	return os.ReadFile(filepath.Join(r.base, filepath.FromSlash(path)))
}

func (r tiles) Height() int { return 8 }

func (r tiles) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, t := range ts {
		b, err := r.read(c2spPath(t))
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

func (r tiles) SaveTiles([]tlog.Tile, [][]byte) {}

// openCheckpoint verifies a C2SP checkpoint note with note.Open and parses its body. x/mod 0.7.0's
// tlog.ParseTree reads only the go.sum database's own first line ("go.sum database tree"), so the
// three C2SP lines (origin, decimal size, base64 root) are parsed here.
func openCheckpoint(v note.Verifier, path string) (tlog.Tree, error) {
	msg, err := os.ReadFile(path)
	if err != nil {
		return tlog.Tree{}, err
	}
	n, err := note.Open(msg, note.VerifierList(v))
	if err != nil {
		return tlog.Tree{}, fmt.Errorf("note.Open %s: %v", path, err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != v.Name() {
		return tlog.Tree{}, fmt.Errorf("%s: not a checkpoint of origin %s", path, v.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return tlog.Tree{}, fmt.Errorf("%s: bad tree size %q", path, lines[1])
	}
	root, err := tlog.ParseHash(lines[2])
	if err != nil {
		return tlog.Tree{}, fmt.Errorf("%s: bad root %q", path, lines[2])
	}
	return tlog.Tree{N: size, Hash: root}, nil
}

type proofs struct {
	Inclusion struct {
		LeafIndex int64    `json:"leafIndex"`
		TreeSize  int64    `json:"treeSize"`
		LeafHash  string   `json:"leafHash"`
		AuditPath []string `json:"auditPath"`
	} `json:"inclusion"`
	Consistency struct {
		First  int64    `json:"first"`
		Second int64    `json:"second"`
		Proof  []string `json:"proof"`
	} `json:"consistency"`
}

func hexHashes(list []string) []tlog.Hash {
	out := make([]tlog.Hash, len(list))
	for i, s := range list {
		out[i] = hexHash(s)
	}
	return out
}

func hexHash(s string) tlog.Hash {
	var h tlog.Hash
	b, err := hex.DecodeString(s)
	if err != nil || len(b) != tlog.HashSize {
		fail("bad hex hash %q", s)
	}
	copy(h[:], b)
	return h
}

func fail(format string, args ...interface{}) {
	fmt.Printf("FAIL "+format+"\n", args...)
	os.Exit(1)
}

func ok(format string, args ...interface{}) {
	fmt.Printf("OK   "+format+"\n", args...)
}

func main() {
	vkey := flag.String("vkey", "", "the log's verifier key")
	base := flag.String("tiles", "", "directory or URL below which tile/... are found")
	newer := flag.String("checkpoint", "", "the newer checkpoint note")
	older := flag.String("old", "", "an older checkpoint note")
	proofFile := flag.String("proofs", "", "JSON with our ProofService's inclusion and consistency proofs")
	pathFile := flag.String("paths", "", "lines 'L N W path' to compare with x/mod's tile paths")
	flag.Parse()

	v, err := note.NewVerifier(*vkey)
	if err != nil {
		fail("note.NewVerifier: %v", err)
	}
	tree, err := openCheckpoint(v, *newer)
	if err != nil {
		fail("%v", err)
	}
	old, err := openCheckpoint(v, *older)
	if err != nil {
		fail("%v", err)
	}
	ok("note.Open verified both checkpoints (sizes %d and %d) with key %s %08x", old.N, tree.N, v.Name(), v.KeyHash())

	r := tiles{*base}
	// TileHashReader checks every tile it loads against tree.Hash before returning a hash from it
	hr := tlog.TileHashReader(tree, r)
	root, err := tlog.TreeHash(tree.N, hr)
	if err != nil || root != tree.Hash {
		fail("tlog.TreeHash from the tiles: %v %v, checkpoint says %v", root, err, tree.Hash)
	}
	ok("tlog.TreeHash over our tiles equals the checkpoint's root %v", root)
	oldHr := tlog.TileHashReader(old, r)
	oldRoot, err := tlog.TreeHash(old.N, oldHr)
	if err != nil || oldRoot != old.Hash {
		fail("tlog.TreeHash of the older tree: %v %v", oldRoot, err)
	}
	ok("tlog.TreeHash over the older tree's tiles equals its root")

	tp, err := tlog.ProveTree(tree.N, old.N, hr)
	if err != nil {
		fail("tlog.ProveTree: %v", err)
	}
	if err := tlog.CheckTree(tp, tree.N, tree.Hash, old.N, old.Hash); err != nil {
		fail("tlog.CheckTree from tiles: %v", err)
	}
	ok("tlog.ProveTree/CheckTree: tree %d extends tree %d", tree.N, old.N)

	leaf := func(i int64) tlog.Hash {
		h, err := hr.ReadHashes([]int64{tlog.StoredHashIndex(0, i)})
		if err != nil {
			fail("leaf hash %d: %v", i, err)
		}
		return h[0]
	}
	for _, i := range []int64{0, old.N - 1, old.N, tree.N / 2, tree.N - 1} {
		rp, err := tlog.ProveRecord(tree.N, i, hr)
		if err != nil {
			fail("tlog.ProveRecord %d: %v", i, err)
		}
		if err := tlog.CheckRecord(rp, tree.N, tree.Hash, i, leaf(i)); err != nil {
			fail("tlog.CheckRecord %d: %v", i, err)
		}
	}
	ok("tlog.ProveRecord/CheckRecord for 5 records")

	// entry bundles: x/mod 0.7.0 has no reader for them (its data tiles are the go.sum format);
	// the uint16-prefixed entries are split here and hashed with tlog.RecordHash (RFC 6962 leaf hash)
	var entries int64
	var bundles []tlog.Tile
	for n := int64(0); n < tree.N>>8; n++ {
		bundles = append(bundles, tlog.Tile{H: 8, L: -1, N: n, W: 256})
	}
	if w := int(tree.N % 256); w > 0 {
		bundles = append(bundles, tlog.Tile{H: 8, L: -1, N: tree.N >> 8, W: w})
	}
	for _, t := range bundles {
		data, err := r.read(c2spPath(t))
		if err != nil {
			fail("entry bundle %s: %v", c2spPath(t), err)
		}
		for i := 0; i < t.W; i++ {
			if len(data) < 2 {
				fail("entry bundle %s truncated at entry %d", c2spPath(t), i)
			}
			n := int(data[0])<<8 | int(data[1])
			if len(data) < 2+n {
				fail("entry bundle %s truncated at entry %d", c2spPath(t), i)
			}
			index := t.N<<8 + int64(i)
			if tlog.RecordHash(data[2:2+n]) != leaf(index) {
				fail("entry %d in %s does not hash to its leaf", index, c2spPath(t))
			}
			data = data[2+n:]
			entries++
		}
		if len(data) != 0 {
			fail("entry bundle %s has bytes after its %d entries", c2spPath(t), t.W)
		}
	}
	ok("%d entries from the entry bundles hash (tlog.RecordHash) to the verified leaves", entries)

	if *proofFile != "" {
		raw, err := os.ReadFile(*proofFile)
		var p proofs
		if err == nil {
			err = json.Unmarshal(raw, &p)
		}
		if err != nil {
			fail("proofs: %v", err)
		}
		in := p.Inclusion
		if in.TreeSize != tree.N {
			fail("our inclusion proof is for tree %d, the checkpoint is %d", in.TreeSize, tree.N)
		}
		// x/mod's RecordProof lists the hashes innermost first, as RFC 6962/9162 audit paths do
		ours := tlog.RecordProof(hexHashes(in.AuditPath))
		if err := tlog.CheckRecord(ours, tree.N, tree.Hash, in.LeafIndex, hexHash(in.LeafHash)); err != nil {
			fail("tlog.CheckRecord on our inclusion proof: %v", err)
		}
		mine, _ := tlog.ProveRecord(tree.N, in.LeafIndex, hr)
		if fmt.Sprint(mine) != fmt.Sprint(ours) {
			fail("our audit path differs from tlog.ProveRecord's")
		}
		ok("tlog.CheckRecord verified our ProofService's inclusion proof of leaf %d (same hashes, same order as x/mod's)", in.LeafIndex)
		c := p.Consistency
		if c.First != old.N || c.Second != tree.N {
			fail("our consistency proof is %d->%d, the checkpoints %d->%d", c.First, c.Second, old.N, tree.N)
		}
		if err := tlog.CheckTree(tlog.TreeProof(hexHashes(c.Proof)), tree.N, tree.Hash, old.N, old.Hash); err != nil {
			fail("tlog.CheckTree on our consistency proof: %v", err)
		}
		ok("tlog.CheckTree verified our ProofService's consistency proof %d -> %d", old.N, tree.N)
	}

	if *pathFile != "" {
		raw, err := os.ReadFile(*pathFile)
		if err != nil {
			fail("paths: %v", err)
		}
		count := 0
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			var l, w int
			var n int64
			var ours string
			if _, err := fmt.Sscan(line, &l, &n, &w, &ours); err != nil {
				fail("paths line %q: %v", line, err)
			}
			t := tlog.Tile{H: 8, L: l, N: n, W: w}
			if got := c2spPath(t); got != "tile/"+ours {
				fail("x/mod spells tile %d/%d/%d %s, we %s", l, n, w, got, "tile/"+ours)
			}
			back, err := tlog.ParseTilePath(t.Path())
			if err != nil || back != t {
				fail("tlog.ParseTilePath(%s) = %v %v", t.Path(), back, err)
			}
			count++
		}
		ok("%d tile paths spelled as x/mod's Tile.Path spells them (less the height)", count)
	}
	fmt.Println("VERIFIED")
}
