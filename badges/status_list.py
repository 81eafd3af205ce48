"""W3C Bitstring Status List: one revocation list per issuer, published as a signed credential.

The list is GZIP-compressed and multibase base64url-encoded ("u" prefix) as the
Recommendation asks; its length is the minimum of 131,072 entries (16 KB), so
a list says nothing about how many badges an issuer gave. Indexes are drawn at
random within it for the same reason.
"""

import base64
import gzip
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from .credentials import VC_CONTEXT, issuer_url, sign, status_list_url, timestamp

LIST_LENGTH = 131_072


def encode(revoked_indexes, length=LIST_LENGTH):
    bits = bytearray(length // 8)
    for index in revoked_indexes:
        # The first index is the left-most bit of the first byte.
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode("ascii").rstrip("=")


def decode(encoded):
    if not encoded.startswith("u"):
        raise ValueError("not a multibase base64url string")
    raw = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


def is_set(bits, index):
    if index < 0 or index // 8 >= len(bits):
        raise IndexError(index)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def allocate(issuer):
    """A new StatusEntry at an unused random index of the issuer's list."""
    from .models import StatusEntry

    for _attempt in range(50):
        try:
            with transaction.atomic():
                return StatusEntry.objects.create(issuer=issuer, index=secrets.randbelow(LIST_LENGTH))
        except IntegrityError:
            continue
    raise RuntimeError("The status list is too full to allocate an index.")


def list_credential(issuer):
    """The issuer's BitstringStatusListCredential (unsigned)."""
    url = status_list_url(issuer)
    revoked = issuer.status_entries.filter(revoked_at__isnull=False).values_list("index", flat=True)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(issuer),
        "validFrom": timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(revoked),
        },
    }


def signed_list(issuer):
    data = list_credential(issuer)
    return sign(data, issuer, {"iss": data["issuer"], "jti": data["id"], "iat": int(timezone.now().timestamp())})
