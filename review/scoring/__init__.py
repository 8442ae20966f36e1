"""Scoring criteria as data: rubric packs and the scoring formulas their rule kinds name."""
