// Random tokens, hashes and constant-time comparison, all from libsodium.
#pragma once
#include <string>
#include <string_view>

namespace hearth {

// Must be called once before any other function here (idempotent).
void InitialiseCrypto();
// `bytes` random bytes, hex-encoded (16 bytes = a 128-bit session id).
std::string RandomHex(std::size_t bytes);
// A password a person can type: `length` characters from an unambiguous alphabet.
std::string RandomPassword(std::size_t length);
// SHA-256 of `data`, hex-encoded: what the database keeps instead of a session id or API token.
std::string Sha256Hex(std::string_view data);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// argon2id with the OWASP ASVS 5.0 / Cheat Sheet parameters (m = 19 MiB, t = 2, p = 1).
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

}  // namespace hearth
