"""TEMP"""
from textual.widgets import Static
from workbench.ui.workspace import Workspace
class GapsPane(Static):
    def __init__(self, workspace: Workspace, id: str | None = None) -> None:
        super().__init__("tmp", id=id)
        self.workspace = workspace
