"""Preparing for inspection: a provider's self-evaluation against the framework's own words.

* ``items``: what to self-assess, built from the extracted framework (each judgement's areas of
  required evidence and "good" descriptors; the Annex A lines of enquiry, the registered
  manager's interview, the cases inspectors may track or sample), every item by its anchor;
* ``findings``: yes/no questions mapped to the rules engine's conditions, so a "yes" shows the
  framework's rule (never a predicted grade);
* ``workspace``: the user's answers, checked; ``summary``: what needs work, by judgement;
* ``markdown`` and ``csv_format``: export and import, shared by the page, the tests and any
  command.
"""

from __future__ import annotations

from .browser import BROWSER_FUNCTIONS
from .csv_format import read_csv, write_csv
from .items import Group, Item, groups, items_by_id
from .markdown import read_markdown, write_markdown
from .summary import summary
from .workspace import Entry, Workspace, workspace_from_json

__all__ = [
    "BROWSER_FUNCTIONS",
    "Entry",
    "Group",
    "Item",
    "Workspace",
    "groups",
    "items_by_id",
    "read_csv",
    "read_markdown",
    "summary",
    "workspace_from_json",
    "write_csv",
    "write_markdown",
]
