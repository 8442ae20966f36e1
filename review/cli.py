"""Command line: `review check PATH... [--format] [--extractor] [--period] [--fail-on]`.

Exit codes: 0 review completed, 1 --fail-on threshold met, 2 usage or input error (one line on
stderr, never a traceback)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from review import __version__, config
from review.batch import Outcome, run_batch
from review.errors import ConfigError, ReviewError
from review.findings import SEVERITY_ORDER
from review.loader import load
from review.pipeline import review_document
from review.render import BatchProgress, summary_table, to_json, to_jsonl_line, to_markdown, to_text
from review.rubric import RubricPack, bundled_packs, resolve_pack
from review.store import Store

if TYPE_CHECKING:
    from review.llm import LLMExtractor

SUPPORTED = (".txt", ".docx", ".pdf")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise ConfigError(f"用法错误：{message}（见 review check --help）")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="review", description="绩效复核：检查绩效自评报告中的数字与评分")
    p.add_argument("--version", action="version", version=f"review {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="复核一个或多个报告（.txt/.docx/.pdf 或目录）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument(
        "--format",
        choices=["text", "json", "markdown", "jsonl"],
        default="text",
        help="jsonl：每份报告完成即输出一行 JSON",
    )
    c.add_argument(
        "--extractor",
        choices=["rules", "llm", "hybrid"],
        default=None,
        help="默认 rules；设置了 REVIEW_LLM_BASE_URL 或 REVIEW_LLM=local 时默认 hybrid",
    )
    c.add_argument("--replay", action="store_true", help="只用模型缓存中的回复，不发送请求（缓存未命中即报错）")
    c.add_argument("--period", type=_year, help="评价年度（默认从标题推断）")
    c.add_argument("--fail-on", choices=["high", "medium", "low"], dest="fail_on")
    c.add_argument("--rubric", metavar="NAME|PATH", help="评分标准（review rubrics 列出；默认按报告类型自动选择）")
    c.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="并行复核的进程数（规则提取）")
    c.add_argument("--db", metavar="PATH", help="把每份复核结果存入此 SQLite 文件（按文件 sha256 与工具版本）")
    c.add_argument(
        "--resume", action="store_true", help="跳过已存入数据库的报告（默认数据库 $REVIEW_HOME/review.sqlite3）"
    )
    c.add_argument("--progress", action="store_true", help="在 stderr 显示批量进度（终端中默认显示）")
    sub.add_parser("rubrics", help="列出内置的评分标准")
    return p


def _jobs(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise argparse.ArgumentTypeError(f"--jobs 应为 1 到 64 的整数：{raw!r}")
    return int(raw)


def _year(raw: str) -> int:
    if not raw.isdigit() or not 1990 <= int(raw) <= 2100:
        raise argparse.ArgumentTypeError(f"年度应为四位数字，如 2023：{raw!r}")
    return int(raw)


def expand(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not found:
                raise ConfigError(f"{p}: 目录中没有 .txt、.docx 或 .pdf 报告")
            files.extend(found)
        else:
            files.append(p)
    return files


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["eval"]:
        from review.evaluation.cli import main as eval_main  # the eval has its own options

        return eval_main(argv[1:])
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rubrics":
            return _rubrics()
        args.model = _model_extractor(args)
        return _check(args)
    except ReviewError as exc:
        print(f"review: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("review: 已中断", file=sys.stderr)
        return 2


def _rubrics() -> int:
    for pack in bundled_packs():
        kinds = "、".join(pack.report_types) or "任意"
        print(f"{pack.label}\t{kinds}\t{pack.title}")
    return 0


def _model_extractor(args: argparse.Namespace) -> LLMExtractor | None:
    """The model extractor for --extractor llm|hybrid (hybrid is the default once a model is set up)."""
    from review import llm  # the model path only

    if args.extractor is None:
        args.extractor = "hybrid" if llm.model_configured(os.environ) else "rules"
    if args.extractor == "rules":
        if args.replay:
            raise ConfigError("--replay 只用于 --extractor llm 或 hybrid")
        return None
    return llm.build_extractor(llm.load_settings(os.environ), replay=args.replay)


def _progress_bar(path: Path) -> Callable[[int, int], None]:
    from review.llm import ProgressBar

    return ProgressBar(path.name)


def _ledger_line(model: LLMExtractor | None) -> None:
    if model is not None and model.ledger:
        e = model.ledger[-1]
        print(
            f"模型 {e.model}（提示词 {e.prompt_version}）：{e.chunks} 块，请求 {e.requests} 次，缓存命中 {e.cache_hits} 次，"
            f"tokens 输入 {e.tokens_in}、输出 {e.tokens_out}，用时 {e.seconds:.1f} 秒",
            file=sys.stderr,
        )


def _check(args: argparse.Namespace) -> int:
    pack = resolve_pack(args.rubric) if args.rubric else None  # a bad --rubric fails before any work
    paths = expand(args.paths)
    store = Store(_db_path(args)) if args.resume or args.db else None
    reviewer = _model_reviewer(args, pack) if args.model else None
    bar = BatchProgress(len(paths)) if len(paths) > 1 and (args.progress or sys.stderr.isatty()) else None
    outcomes: dict[str, Outcome] = {}
    for outcome in run_batch(
        paths,
        jobs=args.jobs,
        period=args.period,
        rubric=args.rubric,
        store=store,
        resume=args.resume,
        reviewer=reviewer,
    ):
        outcomes[outcome.path] = outcome
        if outcome.error:
            print(f"review: {outcome.error}", file=sys.stderr)
        if args.format == "jsonl":
            sys.stdout.write(to_jsonl_line(outcome) + "\n")
            sys.stdout.flush()
        if bar:
            bar.advance(outcome)
    ordered = [outcomes[str(p)] for p in paths if str(p) in outcomes]
    reviews = [o.review for o in ordered if o.review is not None]
    errors = [{"path": o.path, "error": o.error} for o in ordered if o.error]
    if args.format != "jsonl":
        render = {"json": lambda r: to_json(r, errors), "markdown": to_markdown, "text": to_text}[args.format]
        if reviews or args.format == "json":
            sys.stdout.write(render(reviews))
        if args.format == "text" and len(paths) > 1:
            sys.stdout.write(summary_table(ordered))
    if errors:
        return 2
    if args.fail_on:
        floor = SEVERITY_ORDER[args.fail_on]
        if any(SEVERITY_ORDER[f.severity] >= floor for r in reviews for f in r.findings):
            return 1
    return 0


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else config.home(os.environ) / "review.sqlite3"


def _model_reviewer(args: argparse.Namespace, pack: RubricPack | None) -> Callable[[str], Outcome]:
    """Reports go one at a time on the model path; the extractor parallelises chunks itself."""

    def one(path: str) -> Outcome:
        try:
            review = review_document(
                load(path),
                period=args.period,
                rubric=pack,
                extractor=args.extractor,
                model=args.model,
                progress=_progress_bar(Path(path)),
            )
        except ReviewError as exc:
            return Outcome(path, error=str(exc))
        _ledger_line(args.model)
        return Outcome(path, review=review)

    return one
