"""How the framework's judgements limit each other, as rules with their wording and anchors.

* ``grades``: the four-point scale and the five judgements;
* ``conditions``: findings about the manager and staff that the rules refer to;
* ``rules``: every rule, as data (``RULES``), with what is only "taken into account"
  (``CONSIDERATIONS``) and the best-fit principle (``PRINCIPLES``);
* ``engine``: ``evaluate(facts(...))``: allowed and usual grades, binding rules, conflicts;
* ``next_steps``: what follows an overall inadequate judgement or serious or widespread
  concerns, dated; ``assurance``: the assurance inspection's one outcome and three areas;
* ``criteria``: the descriptors and evidence items, read from the site's own pages;
* ``practice``: generated questions whose answers the engine computes.
"""

from __future__ import annotations

from .browser import BROWSER_FUNCTIONS
from .engine import Evaluation, Facts, evaluate, facts
from .grades import GRADES, JUDGEMENT_KEYS
from .rules import RULES

__all__ = [
    "BROWSER_FUNCTIONS",
    "Evaluation",
    "Facts",
    "GRADES",
    "JUDGEMENT_KEYS",
    "RULES",
    "evaluate",
    "facts",
]
