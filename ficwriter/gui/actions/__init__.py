"""What the writer asks for, done on the window's parts: opening, importing, scene, issue and
history commands, and following the chapter's file on disk. Each part gets the few
collaborators it uses (a small protocol), never the window class."""
