// Package snippets stores the programs readers share from /play: an
// embedded SQLite database (modernc.org/sqlite, pure Go) in a data
// directory.
//
// Terms:
//   - A snippet is one program's source, immutable once stored.
//   - Its id is content-addressed: the first IDLen characters of the
//     base62 form of the SHA-256 of the source, so storing the same source
//     twice gives the same id and stores it once.
//
// Spec:
//   - Open(dir) creates dir and the database file DBFile in it, its schema
//     if missing, and turns on WAL mode (readers never wait for a writer;
//     a writer's commit is atomic: after a crash between writing and
//     committing, the database holds the snippet whole or not at all).
//   - Put(source) stores source and returns its id. It refuses (*Invalid)
//     an empty source, one over MaxSource bytes and one that is not valid
//     UTF-8. Concurrent Puts of the same source give the same id and one
//     row; of different sources, one row each.
//   - Get(id) returns the source, or ErrNotFound for an id never stored
//     (or not of the id's form). A stored row whose SHA-256 does not
//     match its id is never served (ErrNotFound and an error logged by
//     the caller is the server's concern: Get returns ErrCorrupt).
package snippets

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Limits and names.
const (
	MaxSource = 64 << 10
	IDLen     = 12 // base62 characters: about 71 bits
	DBFile    = "snippets.db"
)

// ErrNotFound is Get's answer for an unknown id.
var ErrNotFound = errors.New("snippets: no such snippet")

// ErrCorrupt is Get's answer for a row that does not hash to its id.
var ErrCorrupt = errors.New("snippets: stored snippet does not match its id")

// Invalid is a source Put refuses; its text says why.
type Invalid struct{ Msg string }

func (e *Invalid) Error() string { return e.Msg }

// Store is an open snippet store; its methods may be called concurrently.
type Store struct{ db *sql.DB }

const schema = `
CREATE TABLE IF NOT EXISTS snippets (
	id      TEXT PRIMARY KEY,
	source  TEXT NOT NULL,
	sha256  BLOB NOT NULL,
	created INTEGER NOT NULL
) WITHOUT ROWID;`

// Open opens (creating if need be) the store in dir.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("snippets: %v", err)
	}
	dsn := "file:" + filepath.Join(dir, DBFile) +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("snippets: %v", err)
	}
	db.SetMaxOpenConns(4)
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		db.Close()
		return nil, fmt.Errorf("snippets: opening %s: %v", dir, err)
	}
	if !strings.EqualFold(mode, "wal") {
		db.Close()
		return nil, fmt.Errorf("snippets: journal mode %q, want wal", mode)
	}
	if _, err := db.Exec(schema + stillsSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("snippets: creating the schema: %v", err)
	}
	return &Store{db: db}, nil
}

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// ID returns the id of source.
func ID(source []byte) string {
	sum := sha256.Sum256(source)
	id := new(big.Int).SetBytes(sum[:]).Text(62)
	for len(id) < IDLen {
		id = "0" + id
	}
	return id[:IDLen]
}

var idPattern = regexp.MustCompile(`^[0-9A-Za-z]{12}$`)

// Check returns the *Invalid that Put would refuse source with, or nil.
func Check(source []byte) error {
	switch {
	case len(strings.TrimSpace(string(source))) == 0:
		return &Invalid{"the program is empty: there is nothing to share"}
	case len(source) > MaxSource:
		return &Invalid{fmt.Sprintf("the program is %d bytes long; at most %d bytes (64 KiB) can be shared", len(source), MaxSource)}
	case !utf8.Valid(source):
		return &Invalid{"the program is not valid UTF-8 text"}
	}
	return nil
}

// Put stores source and returns its id.
func (s *Store) Put(ctx context.Context, source []byte) (string, error) {
	if err := Check(source); err != nil {
		return "", err
	}
	id := ID(source)
	sum := sha256.Sum256(source)
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO snippets (id, source, sha256, created) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		id, string(source), sum[:], time.Now().Unix())
	if err != nil {
		return "", fmt.Errorf("snippets: storing %s: %v", id, err)
	}
	return id, nil
}

// Get returns the source stored under id.
func (s *Store) Get(ctx context.Context, id string) ([]byte, error) {
	if !idPattern.MatchString(id) {
		return nil, ErrNotFound
	}
	var src string
	var sum []byte
	err := s.db.QueryRowContext(ctx, `SELECT source, sha256 FROM snippets WHERE id = ?`, id).Scan(&src, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("snippets: reading %s: %v", id, err)
	}
	if got := sha256.Sum256([]byte(src)); string(got[:]) != string(sum) || ID([]byte(src)) != id {
		return nil, ErrCorrupt
	}
	return []byte(src), nil
}
