"""Claims from text: the report vocabulary (lexicon), the rules registry, the language model path and
the merge of both."""
