"""The docks around the editor: outline, issues, history, their models, and when they show."""
