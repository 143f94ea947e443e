"""The self-assessment workbook: written for a client team to fill in, and read back as a session."""
