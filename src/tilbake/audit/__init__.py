"""The audit trail: who created, downloaded, revoked, deleted or pruned what, and when; never text."""
