"""Work for the open chapter done on other threads: checking it, importing a file."""
