"""Deposits: what a partner needs to deposit the cluster's results in a repository
(Zenodo or another DataCite member) and to feed the programmes' results platforms.

- DataCite metadata (JSON, Metadata Schema 4.x) for the publication, each film and
  the toolkit (datacite.py), validated in the tests against the schema vendored in
  schema/ with its source.
- A ready-to-upload package per item: a zip of that metadata, a README and the
  files themselves (packages.py).
- The DOI the repository gives, recorded per item (models.Deposit, keyed to the
  item's source page) and used as the identifier in the metadata from then on.
- The cluster's and each project's results in the fields of the Erasmus+ Project
  Results Platform and of keep.eu, as CSV (programmes.py).

Example content (`is_example`) is offered for deposit only marked as an example
(datacite.py), and never exported to the programme platforms. Coordinators only
(views.py, under Reports → Deposits in the admin).
"""
