"""Reading a file into one canonical Document: sniffing the format, text, .docx and .pdf, and the grid
every loader emits for tables."""
