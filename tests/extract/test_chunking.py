from review.extract.chunking import chunk
from tests.conftest import SAMPLES, doc_of


def test_chunks_index_the_text_exactly():
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = doc_of(path.read_text(encoding="utf-8"))
        chunks = chunk(doc, size=800, overlap=80)
        assert chunks and all(doc.text[c.start : c.end] == c.text for c in chunks)
        assert [c.index for c in chunks] == list(range(len(chunks)))
        assert all(a.start < b.start for a, b in zip(chunks, chunks[1:], strict=False))


def test_repeated_text_keeps_increasing_offsets():
    para = "预算资金全部到位，执行率为100%。\n"
    doc = doc_of(para * 200)
    chunks = chunk(doc, size=120, overlap=20)
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)
    assert chunks[-1].end >= len(doc.text.rstrip())
