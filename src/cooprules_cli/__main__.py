"""``python -m cooprules_cli``."""

from cooprules_cli.main import main

main()
