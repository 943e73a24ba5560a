"""Windows that picture the project: progress against goals, and the story's measures.

Opened from the View menu and built only then (QtCharts is imported on first use), so
they cost nothing at start-up.
"""
