"""sitrep.serve stage."""
