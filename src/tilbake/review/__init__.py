"""The PII feedback loop: reviewers correct what the detector found; their corrections become
privacy-safe FeedbackEvents, summaries, tested rule proposals and NER training data (docs/review.md)."""
