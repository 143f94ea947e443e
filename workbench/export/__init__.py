"""Exports: the Word proposal, its Markdown twin, and the Mermaid plan."""
