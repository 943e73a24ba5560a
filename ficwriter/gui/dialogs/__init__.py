"""The window's dialogs: export, settings, about (and the export's Word preview)."""
