"""The real corpus holds each report once: a copy of a sample (the same page added twice, the same text
mirrored on one site) would count its relations twice and make one report look like two."""

import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "eval" / "corpus"


def _body(path: Path) -> str:
    return "".join(path.read_text(encoding="utf-8").split())


def test_no_sample_is_a_copy_of_another() -> None:
    seen: dict[str, str] = {}
    copies = []
    for path in sorted((CORPUS / "samples").glob("*.txt")):
        key = _body(path)[200:600]  # past a page's own header, before an excerpt's cut-off end
        if key in seen:
            copies.append((seen[key], path.stem))
        seen.setdefault(key, path.stem)
    assert copies == []


def test_no_url_is_sampled_twice() -> None:
    urls: dict[str, str] = {}
    twice = []
    for path in sorted((CORPUS / "labels").glob("*.json")):
        if path.name.endswith(".claims.json"):
            continue
        url = json.loads(path.read_text(encoding="utf-8"))["url"]
        if url in urls:
            twice.append((urls[url], path.stem))
        urls.setdefault(url, path.stem)
    assert twice == []


def test_no_reader_breaks_on_any_sample() -> None:
    from review.extract.rules import extract_rules
    from review.load.loader import load

    samples = sorted((CORPUS / "samples").glob("*.txt")) + sorted((CORPUS.parent / "samples").glob("*.txt"))
    broken = [(p.stem, u.reason) for p in samples for u in extract_rules(load(p)).unread if u.failed]
    assert broken == []
