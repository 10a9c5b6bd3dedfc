"""sitrep.lang stage."""
