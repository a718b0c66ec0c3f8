"""Ruby standard-library shims: each module registers what ``require "<name>"`` loads."""
