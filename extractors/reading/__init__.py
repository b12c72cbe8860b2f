"""Reading: text in, figures out: numerals, qualifiers, units, dimensions, and what each figure is about.

May import only itself and extractors/data; everything else in the package builds on it.
"""
