"""newsarchive: the archive's local Pelican plugin.

Signal wiring lives in `plugin.register`; each feature is a module of its own.
"""

from .plugin import register

__all__ = ["register"]
