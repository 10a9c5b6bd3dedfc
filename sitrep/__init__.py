"""sitrep: multilingual conflict reporting to a structured, geocoded, source-attributed incident database."""

__version__ = "0.1.0"
