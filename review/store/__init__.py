"""The review store (SQLite) and the one migration runner it and the model cache use."""
