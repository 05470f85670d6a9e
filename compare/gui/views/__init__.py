"""Widgets that show a comparison: the two texts and their bands, the claims table, details, legend."""
