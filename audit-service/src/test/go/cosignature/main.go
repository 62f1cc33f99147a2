// Command cosignature checks a cosigned checkpoint with Go's own golang.org/x/mod/sumdb/note:
// note.Open must find a valid signature of the log's key (a standard Ed25519 note verifier from
// its vkey) and of the witness's key. x/mod 0.7.0 has no verifier for cosignature/v1 (signature
// type 0x04), so the witness's verifier is written here from tlog-cosignature.md, on top of
// crypto/ed25519; note.Open still does the parsing, the key matching and the rejection of a known
// key's bad signature. Run by WitnessGoInteropTest; exits non-zero when the note does not verify.
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o cosignature main.go
//	cosignature <log vkey> <witness vkey> <note file>
package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

type cosigner struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (c cosigner) Name() string    { return c.name }
func (c cosigner) KeyHash() uint32 { return c.hash }

// Verify gets the note text and the signature after the 4-byte key hash: u64 time || Ed25519.
func (c cosigner) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	if t == 0 {
		return false
	}
	signed := append([]byte("cosignature/v1\ntime "+strconv.FormatUint(t, 10)+"\n"), msg...)
	return ed25519.Verify(c.key, signed, sig[8:])
}

func parseCosigner(vkey string) (cosigner, error) {
	parts := strings.SplitN(strings.TrimSpace(vkey), "+", 3)
	if len(parts) != 3 {
		return cosigner{}, fmt.Errorf("not a vkey")
	}
	material, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(material) != 33 || material[0] != 0x04 {
		return cosigner{}, fmt.Errorf("not a cosignature/v1 vkey")
	}
	h := sha256.Sum256(append([]byte(parts[0]+"\n"), material...))
	id, err := strconv.ParseUint(parts[1], 16, 32)
	if err != nil || uint32(id) != binary.BigEndian.Uint32(h[:4]) {
		return cosigner{}, fmt.Errorf("key ID is not SHA-256(name || 0x0A || 0x04 || key)[:4]")
	}
	return cosigner{parts[0], uint32(id), ed25519.PublicKey(material[1:])}, nil
}

func main() {
	if len(os.Args) != 4 {
		fmt.Println("usage: cosignature <log vkey> <witness vkey> <note file>")
		os.Exit(2)
	}
	logV, err := note.NewVerifier(strings.TrimSpace(os.Args[1]))
	if err != nil {
		fmt.Println("FAIL log vkey:", err)
		os.Exit(1)
	}
	witnessV, err := parseCosigner(os.Args[2])
	if err != nil {
		fmt.Println("FAIL witness vkey:", err)
		os.Exit(1)
	}
	msg, err := os.ReadFile(os.Args[3])
	if err != nil {
		fmt.Println("FAIL", err)
		os.Exit(1)
	}
	n, err := note.Open(msg, note.VerifierList(logV, witnessV))
	if err != nil {
		fmt.Println("FAIL note.Open:", err)
		os.Exit(1)
	}
	seen := map[string]bool{}
	for _, s := range n.Sigs {
		seen[s.Name] = true
	}
	if !seen[logV.Name()] || !seen[witnessV.Name()] {
		fmt.Printf("FAIL verified signatures %v lack the log's or the witness's\n", seen)
		os.Exit(1)
	}
	fmt.Printf("OK %d verified signatures (log %s, witness %s)\n", len(n.Sigs), logV.Name(), witnessV.Name())
}
