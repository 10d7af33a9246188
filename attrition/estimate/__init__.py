"""estimate: best values with intervals per side x category x date (not built yet)."""
