"""The data lifecycle: erasure of captured suggestions and organizations, retention of raw text."""
