// Package nocrypto stands in for go-app's crypto.go and its use of
// github.com/google/uuid in the browser build: internal/wasmgoapp deletes
// crypto.go from its go-app copy and copies nocrypto.go in beside it.
//
// go-app enciphers persisted states (State.PersistWithEncryption,
// Context.Encrypt and Decrypt) with AES-GCM under a key made from the
// device ID, and makes the device ID and its broadcast channel's ID with
// uuid.NewString. Lanes uses neither states nor encryption, but go-app's
// context reaches both, and with them crypto/rand (and the FIPS module's
// DRBG, AES, GCM, SHA-2, SHA-3, HMAC) and uuid (MD5, SHA-1): about 0.04 MB
// of the brotli transfer.
//
// In the browser build, encrypt and decrypt return ErrNoEncryption (go-app
// passes it on: Encrypt and Decrypt fail, an encrypted state is logged and
// not persisted), and newUUID makes a random (version 4) UUID from
// math/rand/v2, whose generator the runtime seeds from the browser's
// crypto.getRandomValues.
package nocrypto
