"""Project files: read fast, save without losing anything a person wrote."""

from workbench.store.atomic import ChangedOnDisk
from workbench.store.files import ProjectFile, SaveRefused, load_project
from workbench.store.tomltext import read_toml

__all__ = ["ChangedOnDisk", "ProjectFile", "SaveRefused", "load_project", "read_toml"]
