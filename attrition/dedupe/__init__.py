"""dedupe: exact duplicates (content hash) and near-duplicate clusters (MinHash LSH)."""
