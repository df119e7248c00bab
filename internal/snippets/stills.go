package snippets

// Stills: what one run of a stored program gave, kept beside it for its
// page's prerendered timeline (internal/progbuild's Still).
//
// Spec:
//   - PutStill(id, key, trace, msg) keeps, for the program id (a snippet's
//     id or a -programs name), under key (what the still depends on:
//     progbuild.StillKey), either the run's trace (JSON) or msg, the words
//     of why there is none (a compile error, a limit). A later PutStill of
//     the same id replaces it.
//   - Still(id) returns them, or ErrNotFound. The caller compares key
//     with the current one: a still of another key is out of date.
//   - Stills are bounded like snippets (a trace at most MaxStill bytes;
//     PutStill refuses a longer one).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// MaxStill bounds a still's trace.
const MaxStill = 32 << 20

const stillsSchema = `
CREATE TABLE IF NOT EXISTS stills (
	id      TEXT PRIMARY KEY,
	key     TEXT NOT NULL,
	trace   BLOB,
	msg     TEXT NOT NULL,
	created INTEGER NOT NULL
) WITHOUT ROWID;`

// PutStill keeps the still of the program id.
func (s *Store) PutStill(ctx context.Context, id, key string, trace []byte, msg string) error {
	if len(trace) > MaxStill {
		return &Invalid{fmt.Sprintf("the run's trace is %d bytes long; at most %d can be kept", len(trace), MaxStill)}
	}
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO stills (id, key, trace, msg, created) VALUES (?, ?, ?, ?, ?)
		 ON CONFLICT (id) DO UPDATE SET key = excluded.key, trace = excluded.trace, msg = excluded.msg, created = excluded.created`,
		id, key, trace, msg, time.Now().Unix())
	if err != nil {
		return fmt.Errorf("snippets: storing the still of %s: %v", id, err)
	}
	return nil
}

// Still returns the still of the program id.
func (s *Store) Still(ctx context.Context, id string) (key string, trace []byte, msg string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT key, trace, msg FROM stills WHERE id = ?`, id).Scan(&key, &trace, &msg)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, "", ErrNotFound
	}
	if err != nil {
		return "", nil, "", fmt.Errorf("snippets: reading the still of %s: %v", id, err)
	}
	return key, trace, msg, nil
}
