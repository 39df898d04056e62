"""Evaluation against human-coded data: ACLED rows and the CASE 2021 snippets."""
