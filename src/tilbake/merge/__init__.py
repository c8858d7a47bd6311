"""The maintainer's side: verify bundles from many practices and merge them into one dataset."""
