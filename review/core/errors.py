"""One root for every error the tool raises on purpose; messages say how to fix the problem."""


class ReviewError(Exception):
    """Root of all expected errors (bad input, bad configuration, model trouble)."""


class ConfigError(ReviewError):
    """A setting or command-line option is missing or wrong."""


class DocumentLoadError(ReviewError):
    """A report file cannot be read: unknown type, empty, corrupt, encrypted or too large."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LLMTransportError(ReviewError):
    """The model endpoint could not be reached or kept failing."""


class LLMOutputError(ReviewError):
    """The model answered with something that is not valid structured output."""
