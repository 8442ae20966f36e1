"""The review key: everything that changes a review's result, so that a stored review is reused
only for the same question.

A stored review is found by the file's sha256 plus these options; a lookup with any other option
(another extractor, model or prompt, rubric pack or version, period, tool version) reviews again.
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict

from review import __version__
from review.core.provenance import Extractor
from review.scoring.packs import RubricPack


class ReviewOptions(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tool_version: str = __version__
    extractor: Extractor = "rules"
    model: str = ""  # the model and prompt version (LLMExtractor.identity); "" on the rules path
    rubric: str = ""  # the pack asked for (label and content digest); "" = chosen from the report
    period: int | None = None  # the period asked for; None = taken from the report

    def key(self, sha256: str) -> str:
        payload = f"{sha256}\x1f{self.model_dump_json()}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def rubric_option(pack: RubricPack | None) -> str:
    """The rubric part of the key for a pack chosen on the command line (None: chosen per report);
    the content digest tells two edits of a local pack file with the same version apart."""
    if pack is None:
        return ""
    digest = hashlib.sha256(pack.model_dump_json().encode("utf-8")).hexdigest()[:12]
    return f"{pack.label}:{digest}"
