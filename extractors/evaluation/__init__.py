"""Evaluation: the rules scored against gold annotations: the corpus gold and the war-figure gold.

May import dataset and reading; only the command line imports it.
"""
