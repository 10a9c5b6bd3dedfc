"""sitrep.resolve stage."""
