"""Work off the GUI thread: the executor and progress helper, and the jobs it runs (align, open, save)."""
