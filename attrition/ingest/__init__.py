"""ingest: read documents from files, directories, JSON Lines and stdin; clean HTML."""
