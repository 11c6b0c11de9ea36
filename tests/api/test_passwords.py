"""Password hashes: scrypt at the production cost, salted, cost stored with the hash."""

from __future__ import annotations

from fanzha.api.passwords import N, hash_password, verify_password


def test_hash_verifies_only_the_right_password() -> None:
    stored = hash_password("s3cret passphrase")
    assert stored.startswith(f"scrypt${N}$8$3$")
    assert verify_password("s3cret passphrase", stored)
    assert not verify_password("s3cret passphrasE", stored)
    assert stored != hash_password("s3cret passphrase")  # salted


def test_malformed_stored_hash_never_matches() -> None:
    assert not verify_password("x", "plaintext")
    assert not verify_password("x", "bcrypt$1$2$3$AA==$AA==")
