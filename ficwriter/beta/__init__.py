"""The beta-reader round trip: a chapter out as a Word file, the reader's changes back in.

``send`` writes the chapter's Word export with the revision it was made from in the file's
custom properties; ``take`` reads the reader's tracked changes and comments, places them
against that revision and carries them through history's diff onto the chapter as it is
now; ``edits`` turns an accepted item into one edit of the chapter text. Imports ``core``
and ``history`` only: the window and the command line share all of it.
"""
