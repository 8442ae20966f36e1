"""What a reader sees: text and JSON rendering, the JSON contract, exports and highlighted source
spans."""
