"""Regression eval (回归评测): the pipeline measured against labeled sample reports.

labels (gold findings, clean relations, gold claims) → runner (pipeline on every sample, timed)
→ scoring (findings), claimscore (claims, coverage), seeding (one injected error at a time)
→ report (table + JSON) → baseline (gate against eval/baseline.json). `decisions` turns the
auditors' saved decisions into new labeled samples. The format is documented in
eval/labels/README.md.
"""
