"""The editor in the middle of the window: the text widget, its highlighting, the issue
underlines, the find bar, the message bar above it and the open chapter's session."""
