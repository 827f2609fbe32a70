"""sccif_core: Ofsted's SCCIF for secure children's homes (updated 5 April 2024) as code.

Working days, framework timelines, judgement rules and the "wholly or mainly"
occupancy check. Standard library only, so it runs the same on CPython 3.11+
and in Pyodide.
"""

__version__ = "0.1.0"
