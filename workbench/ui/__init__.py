"""The Textual user interface. Nothing outside ui/ imports it."""
