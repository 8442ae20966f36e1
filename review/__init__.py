"""绩效复核: find arithmetic and scoring discrepancies in budget performance self-evaluation reports."""

__version__ = "0.1.0"
