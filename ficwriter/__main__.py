"""`python -m ficwriter` runs the same entry point as the `ficwriter` command."""

from ficwriter.cli import main

raise SystemExit(main())
