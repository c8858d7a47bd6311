"""Training-data export: anonymized SFT, DPO and KTO rows in TRL's conversational formats, streamed
into a bundle with a manifest, behind a leak gate, tied atomically to a consented export batch."""
