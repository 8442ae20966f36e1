"""Types every stage shares: the document, claims, findings, outcomes, errors, numbers and intervals.
Imports nothing else in review."""
