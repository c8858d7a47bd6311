"""Accounts: organizations and their API tokens (and, later, the people who sign in)."""
