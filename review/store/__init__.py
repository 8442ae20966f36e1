"""The review store (SQLite): saved reviews, findings and the append-only decision log."""
