"""One file per schema revision: NNNN_what.py, each naming its down_revision."""
