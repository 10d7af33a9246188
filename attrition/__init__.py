"""attrition: a ledger of war-loss claims.

Read reporting on war losses, keep every figure with who claims it, about whom, for what period,
how hedged and where in the text; reconcile, estimate and show.

    >>> import attrition
    >>> claims = attrition.extract("Russia lost 17 tanks in the past day, Kyiv said.")
"""

from __future__ import annotations

import logging

from attrition.extract import extract, extract_document
from attrition.incidents.grammar import extract_incidents
from attrition.incidents.model import Incident
from attrition.models import CATEGORIES, Claim, Document, Period
from attrition.store import ClaimFilter, Ledger, LedgerError

__version__ = "0.1.0"

__all__ = [
    "CATEGORIES",
    "Claim",
    "ClaimFilter",
    "Document",
    "Incident",
    "Ledger",
    "LedgerError",
    "Period",
    "__version__",
    "extract",
    "extract_document",
    "extract_incidents",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
