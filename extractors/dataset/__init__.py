"""The dataset: figures into a published package: records, corpus and sources, the pipeline, claims, build and publish.

May import reading and views (the build writes the viewer), never evaluation or the command line.
"""
