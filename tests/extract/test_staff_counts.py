"""A head count split into the kinds of one staff partition without 其中 (review.extract.rules.
staff_counts): read by the vocabulary of the parts, never by whether they add up."""

from __future__ import annotations

import pytest

from review.core.document import Document
from review.extract.rules.scan import Scan
from review.extract.rules.staff_counts import extract_staff_counts
from review.load.texttables import text_blocks
from tests.conftest import checks_of

# r9-12: 在职 people split into post types, joined by ， and 、
R9_12 = "人员概况:在职人员81人,专业技术人员57人、管理人员1人,工勤人员23人。\n"
# r2-14: two kinds of one partition side by side (在职, 离退休): neither is the other's whole
R2_14 = "全局现有在职人员246人,离退休人员85人。行政事业总编制为249个,其中行政编13个、全额事业编45个。\n"
# r5-08: a count of the retired, then establishment types: another group, not its parts
R5_08 = "退休职工85人,差额拨款事业编制3815人,全额拨款事业编制45人。\n"
# r7-06 and seed 004: parts opened by 其中 are the sums' to read
R7_06 = "街道共有工作人员73人,其中行政编制25人、参公编制20人、事业编制26人。\n"
# r18-02 and r13-01: counts joined by 、 are coordinate kinds (a 编制 type beside others; 在职 beside 退休)
R18_02 = "3.人员概况:我局由县编办核定政法专项编制247人、行政工勤编制15人,核定使用县政府专职消防队事业编制9人。\n"
R13_01 = "共有在职在编139人、退休人员8人。\n"
SEED_004 = (
    "平等乡总编制31名，其中：行政编制17名，工勤编制0名，事业编制14名。"
    "在职人员总数22名，其中：行政14名，工勤0名，事业8名。\n"
)


def _doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def _read(text: str) -> list[tuple[int, list[str]]]:
    scan = Scan.of(_doc(text))
    q = {x.id: x for x in scan.quantities}
    return [(r.stated, [q[i].text for i in r.item_ids]) for r in extract_staff_counts(scan)]


def test_a_head_count_then_the_post_types_it_splits_into():
    assert _read(R9_12) == [(81, ["57人", "1人", "23人"])]
    assert checks_of(R9_12, 2023) == []
    assert checks_of(R9_12.replace("81人", "82人"), 2023) == [("count", "在职人员82人")]


@pytest.mark.parametrize("text", [R2_14, R5_08, R7_06, SEED_004, R18_02, R13_01])
def test_siblings_the_retired_and_qizhong_lists_are_not_read_here(text):
    assert _read(text) == []


def test_a_whole_the_partition_does_not_split_is_not_read():
    # 编制 is not split by 在职/退休 (the retired hold none); people at work by post types, not 编制
    assert _read("编制人数30人,在职人员28人,退休人员5人。\n") == []
    assert _read("实有人数30人,在职人员28人,退休人员2人。\n") == [(30, ["28人", "2人"])]
    assert _read(R9_12.replace("在职人员", "编制")) == []


def test_a_sentence_that_goes_on_after_the_parts_is_not_read():
    assert _read("在职人员81人,专业技术人员57人、管理人员1人,工勤人员23人,平均年龄45岁。\n") == []
    assert _read("在职人员81人,专业技术人员57人、管理人员1人,退休人员23人。\n") == []  # two partitions


def test_establishment_types_under_qizhong_only_bound_a_count_of_people():
    # r7-06: people may hold no 编制 — the 其中 parts bound 工作人员73人 (71 ≤ 73), no finding
    assert checks_of(R7_06, 2023) == []
    assert checks_of(R7_06.replace("73人", "70人"), 2023) == [("count", "街道共有工作人员70人")]
    # seed 004: the 总编制 itself split by establishment types is covered by them
    assert checks_of(SEED_004.replace("总编制31名", "总编制32名"), 2023) == [("count", "平等乡总编制32名")]


# seed 004 with its two statements joined by ；, and r5-12's 编制 then 实有 with the 其中 parts after both: the
# 其中 list of the 编制 ends at the head count of the staff actually there (lexicon.PART_PREDICATE_START).
SEED_004_JOINED = SEED_004.replace("事业编制14名。", "事业编制14名；").replace("在职人员总数", "实有人员")
R5_12_AFTER_BOTH = "本部门共有编制人数3人,其中行政编制2人、事业编制1人,实有人数3人,其中:在职人员3人,离休0人,退休0人。\n"


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        (SEED_004_JOINED, ("实有人员22名", "实有人员23名")),
        (SEED_004_JOINED, ("总编制31名", "总编制32名")),
        (R5_12_AFTER_BOTH, ("实有人数3人", "实有人数4人")),
        (R5_12_AFTER_BOTH, ("编制人数3人", "编制人数4人")),
    ],
)
def test_the_staff_there_end_the_parts_of_the_establishment(text, slip):
    assert [c for c, _ in checks_of(text, 2022) if c in ("count", "sum")] == []
    assert [c for c, _ in checks_of(text.replace(*slip), 2022) if c in ("count", "sum")] == ["count"]


def test_a_count_joined_to_the_next_by_a_dunhao_is_not_their_whole():
    assert checks_of(R18_02, 2021) == []
    joined = R9_12.replace("81人,", "81人、")  # the same head count, written as one of coordinate items
    assert _read(joined) == []
