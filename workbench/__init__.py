"""MLOps Discovery Workbench: capture discovery, find gaps, map guides, plan pilots, export."""

__version__ = "0.1.0"
