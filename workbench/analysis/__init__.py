"""Pure functions over a Project and the banks: progress, gaps, mapping, plan."""
