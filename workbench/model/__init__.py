"""Pydantic models for banks and projects, and the domain operations on them.

Import from the modules (`workbench.model.project`, `workbench.model.bank`): the package itself
imports nothing, so a command that reads only projects (`workbench merge`) does not build the
bank models, and one that reads only banks does not build the project models.
"""
