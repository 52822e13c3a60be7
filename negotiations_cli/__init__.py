"""neg: who said what, when and where in Vietnamese news about the Russia–Ukraine–US talks."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
