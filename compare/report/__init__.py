"""Turn a Comparison into files: the result contract (JSON), CSV, HTML. Everything is escaped."""
