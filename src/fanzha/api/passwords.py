"""Password hashing with scrypt from the standard library (memory-hard, RFC 7914).

Stored form: `scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can be raised later
without breaking existing hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

#: Cost: one of the OWASP-listed scrypt settings (N=2^15, r=8, p=3: 32 MiB, ~0.3 s here),
#: chosen over N=2^17, p=1 so a login does not take 128 MiB on a small server.
N, R, P = 2**15, 8, 3
KEY_BYTES = 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * n * r, dklen=KEY_BYTES
    )


def hash_password(password: str, n: int = N, r: int = R, p: int = P) -> str:
    """Hash with a fresh salt; the cost is stored with the hash, so verifying needs no setting."""
    salt = secrets.token_bytes(16)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_derive(password, salt, n, r, p))}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check; a malformed stored hash never matches."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _derive(password, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, base64.b64decode(expected))
