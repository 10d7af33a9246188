"""dedupe: exact duplicates (content hash) and near-duplicate clusters (MinHash LSH)."""

from attrition.dedupe.clusters import (
    ClusterSummary,
    cluster_map,
    cluster_texts,
    clusters,
    representatives,
    update_clusters,
)

__all__ = [
    "ClusterSummary",
    "cluster_map",
    "cluster_texts",
    "clusters",
    "representatives",
    "update_clusters",
]
