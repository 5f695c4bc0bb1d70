"""Publish a briefing dossier with verified quote provenance."""
