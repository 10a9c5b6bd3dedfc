"""sitrep.export stage."""
