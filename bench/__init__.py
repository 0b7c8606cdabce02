"""`make eval` and `make bench`: every figure quoted anywhere is printed by one of these."""
