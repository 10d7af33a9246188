"""demo: the bundled demo corpus (illustrative documents written for the project)."""
