"""sitrep.batch stage."""
