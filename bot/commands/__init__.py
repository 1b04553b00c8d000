"""One module per CLI command group; ``bot.cli`` wires them into the typer app."""
