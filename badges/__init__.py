"""Open Badges for the people trained: OB 3.0 credentials (VC-JWT), delivery, verification.

Why not openbadgeslib (evaluated at 4.6.3, LGPL-3.0, PyPI)? It is a real OB 3.0
implementation (VC-JWT issuing and verifying, Bitstring Status Lists, did:web,
baking) and also strict OB 2.0. The site does not issue with it because:

- it is built around its own command-line tools, configuration file and PEM key
  files per badge, while the site keeps one key set per issuer in
  BADGES_KEY_DIR with a published JWKS and rotation by `kid` (badges/keys.py);
- its issuer model is DID-based (did:web or did:key) where the site names
  issuers by their Profile URL and publishes keys as a JWKS;
- the credential must carry what the site's data says (alignments to this site's
  framework pages, evidence links, a hashed IdentityObject, a status entry in the
  issuer's list), which is a few lines of JSON around joserfc's signing
  (badges/credentials.py), with less to adapt than the library's models.

It is used where an independent implementation is worth most: the tests verify
the site's OB 3.0 credentials (signature, dates and status list) with its
OB3Verifier and the OB 2.0 hosted assertions with its OB2Verifier, an
implementation that did not write them (tests/badges/test_ob2.py; pinned in
requirements-dev.txt). Signing is joserfc; a second check is PyJWT.
"""
