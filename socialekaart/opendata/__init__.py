"""Open data: export and import."""
