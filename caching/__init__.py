"""The page cache and everything that keeps it right: content versions, invalidation, Redis faults."""
