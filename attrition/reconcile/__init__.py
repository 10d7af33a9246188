"""reconcile: claims against official series, series self-consistency, contradictions, clusters."""
