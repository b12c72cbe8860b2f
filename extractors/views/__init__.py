"""Views: what people look at: the static site and its assets, and `extract show` in a terminal.

May import reading only; it reads a written package's tables through the connection it is given.
"""
