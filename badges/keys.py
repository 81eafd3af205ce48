"""Issuers' Ed25519 signing keys, kept in files outside the database.

The folder is `BADGES_KEY_DIR` (a mounted secret in production; `.keys/` in
development). Each issuer has a sub-folder named by its public id holding one
private JWK per key (`<kid>.json`) and `current` naming the key that signs. A
rotation writes a new key and moves `current`; old keys stay in the folder and
in the published JWKS, so credentials they signed still verify.

joserfc reads and writes the keys: nothing here does cryptography by hand.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import KeySet, OKPKey


class MissingKey(Exception):
    """An issuer without a usable signing key."""


def key_dir():
    value = getattr(settings, "BADGES_KEY_DIR", None)
    if not value:
        raise ImproperlyConfigured("BADGES_KEY_DIR names the folder of the badge signing keys.")
    return Path(value)


def _issuer_dir(issuer):
    return key_dir() / str(issuer.public_id)


def create_key(issuer):
    """A new Ed25519 key for the issuer, made the current one. Returns its kid."""
    key = OKPKey.generate_key("Ed25519", auto_kid=True)
    folder = _issuer_dir(issuer)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    kid = key.kid
    path = folder / f"{kid}.json"
    # Written readable by the owner only.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as stream:
        json.dump(key.as_dict(private=True), stream)
    (folder / "current").write_text(kid)
    return kid


def has_key(issuer):
    return (_issuer_dir(issuer) / "current").exists()


def signing_key(issuer):
    """The issuer's current private key."""
    folder = _issuer_dir(issuer)
    try:
        kid = (folder / "current").read_text().strip()
        data = json.loads((folder / f"{kid}.json").read_text())
    except (OSError, ValueError) as error:
        raise MissingKey(f"No signing key for issuer {issuer.public_id}: run manage.py badge_keys create.") from error
    return OKPKey.import_key(data)


def public_keys(issuer):
    """Every public key the issuer has had, newest first (as joserfc keys)."""
    folder = _issuer_dir(issuer)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    keys = []
    for path in files:
        try:
            private = OKPKey.import_key(json.loads(path.read_text()))
        except (OSError, ValueError):
            continue
        keys.append(OKPKey.import_key(private.as_dict(private=False)))
    return keys


def jwks(issuers):
    """The public JWKS of the given issuers, every key with its kid."""
    keys = []
    for issuer in issuers:
        for key in public_keys(issuer):
            keys.append(key.as_dict(private=False) | {"use": "sig", "alg": "EdDSA"})
    return {"keys": keys}


def key_set(issuers):
    return KeySet.import_key_set(jwks(issuers))
