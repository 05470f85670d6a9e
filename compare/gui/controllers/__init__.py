"""Controllers that turn actions into work: files (open, save, export), review edits, autosave."""
