"""Command line: `review check PATH... [--format] [--extractor] [--period] [--fail-on]`.

Exit codes: 0 review completed, 1 --fail-on threshold met, 2 usage or input error (one line on
stderr, never a traceback), 130 interrupted (Ctrl-C; what was finished is kept)."""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from review import __version__, argparse_zh, config
from review.batch import DEFAULT_TIMEOUT, Outcome, run_batch
from review.core.errors import ConfigError, ReviewError
from review.core.findings import SEVERITY_ORDER
from review.core.outcomes import Review
from review.core.provenance import EXTRACTORS
from review.load.loader import load
from review.pipeline import review_document
from review.present import contract, export
from review.present.render import BatchProgress, summary_table, to_json, to_jsonl_line, to_markdown, to_text
from review.review_key import ReviewOptions, rubric_option
from review.scoring.packs import RubricPack, bundled_packs, resolve_pack
from review.scoring.rule_kinds import KIND_CN
from review.store.reviews import Store

if TYPE_CHECKING:
    from review.extract.llm import LLMExtractor

SUPPORTED = (".txt", ".docx", ".pdf")
FORMATS = ["text", "json", "markdown", "jsonl", "csv", "xlsx"]
INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C (128 + SIGINT)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ConfigError(f"用法错误：{message}（见 review check --help）")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    p = _Parser(prog="review", description="绩效复核：检查绩效自评报告中的数字与评分")
    p.add_argument("--version", action="version", version=f"review {__version__}", help="显示版本号并退出")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    c = sub.add_parser("check", help="复核一个或多个报告（.txt/.docx/.pdf 或目录）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="jsonl：每份报告完成即输出一行 JSON；csv / xlsx：与页面导出相同的底稿（xlsx 需要 --output）",
    )
    c.add_argument("--output", "-o", metavar="FILE", help="写入此文件而不是标准输出（--format xlsx 必需）")
    c.add_argument(
        "--extractor",
        choices=EXTRACTORS,
        default=None,
        help="默认 rules；设置了 REVIEW_LLM_BASE_URL 或 REVIEW_LLM=local 时默认 hybrid",
    )
    c.add_argument("--replay", action="store_true", help="只用模型缓存中的回复，不发送请求（缓存未命中即报错）")
    c.add_argument("--period", type=_year, help="评价年度（默认从标题推断）")
    c.add_argument(
        "--fail-on",
        choices=["high", "medium", "low"],
        dest="fail_on",
        help="有该严重程度或更高的问题时退出码为 1（便于在脚本和流水线中拦截）",
    )
    c.add_argument("--rubric", metavar="NAME|PATH", help="评分标准（review rubrics 列出；默认按报告类型自动选择）")
    c.add_argument("--jobs", type=_jobs, default=1, metavar="N", help="并行复核的进程数（规则提取）")
    c.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        help="每份报告的复核时限（规则提取），超时即终止并记为该文件的错误"
        f"（默认 $REVIEW_FILE_TIMEOUT 或 {DEFAULT_TIMEOUT:g}）",
    )
    c.add_argument(
        "--db", metavar="PATH", help="把每份复核结果存入此 SQLite 文件（按文件 sha256 与影响结果的全部选项）"
    )
    c.add_argument(
        "--resume", action="store_true", help="跳过已存入数据库的报告（默认数据库 $REVIEW_HOME/review.sqlite3）"
    )
    c.add_argument("--progress", action="store_true", help="在 stderr 显示批量进度（终端中默认显示）")
    sub.add_parser("rubrics", help="列出内置的评分标准及各指标的计分规则（已检查或仅说明）")
    m = sub.add_parser("llm", help="语言模型端点的工具（review llm check）")
    msub = m.add_subparsers(dest="llm_command", required=True, parser_class=_Parser)
    msub.add_parser(
        "check",
        help="向所配置的模型端点发一个极小的请求：各种结构化输出方式是否可用、耗时与 token 计数",
    )
    sub.add_parser("schema", help="打印 --format json / jsonl 输出的 JSON Schema（即 schema/review.schema.json）")
    sub.add_parser("eval", help="回归评测：在标注样本上度量查全率与查准率（选项见 review eval --help）", add_help=False)
    return p


def _jobs(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise argparse.ArgumentTypeError(f"--jobs 应为 1 到 64 的整数：{raw!r}")
    return int(raw)


def _seconds(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"--timeout 应为正数秒数，如 120：{raw!r}")
    return value


def _timeout(args: argparse.Namespace) -> float:
    if args.timeout is not None:
        return float(args.timeout)
    raw = os.environ.get("REVIEW_FILE_TIMEOUT")
    if raw is None:
        return DEFAULT_TIMEOUT
    try:
        return _seconds(raw)
    except argparse.ArgumentTypeError:
        raise ConfigError(f"环境变量 REVIEW_FILE_TIMEOUT 应为正数秒数，如 120：{raw!r}") from None


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
        if args.command == "schema":
            return _schema()
        if args.command == "llm":
            return _llm_check()
        args.model = _model_extractor(args)
        return _check(args)
    except ReviewError as exc:
        print(f"review: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("review: 已中断", file=sys.stderr)
        return INTERRUPTED


def _rubrics() -> int:
    """Each bundled pack, then its indicator rules: checked, or only described (and what is missing)."""
    for pack in bundled_packs():
        kinds = "、".join(pack.report_types) or "任意"
        print(f"{pack.label}\t{kinds}\t{pack.title}")
        for node, rule in pack.rules():
            print(f"  {node.name}\t{node.weight.normalize():f}分\t{rule.kind}（{KIND_CN[rule.kind]}）\t{rule.checked}")
    return 0


def _llm_check() -> int:
    """One tiny request per output mode to the configured endpoint (or the embedded model, started if need
    be); 0 when some mode gives JSON, 1 when none does, 2 (from main) for a wrong key, an unreachable host,
    a model the endpoint does not know or settings that name no model."""
    from review.extract import llm
    from review.extract.llm import local
    from review.extract.llm.probe import probe

    settings = llm.load_settings(os.environ)
    if settings.provider == "local":
        base_url, model = local.ensure_server(settings)
        settings = settings.model_copy(update={"timeout": max(settings.timeout, local.LOCAL_TIMEOUT)})
    else:
        settings.require_endpoint()
        base_url, model = str(settings.base_url), str(settings.model)
    report = probe(settings, base_url=base_url, model=model)
    print("\n".join(report.lines()))
    return 0 if report.best else 1


def _schema() -> int:
    sys.stdout.write(json.dumps(contract.json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _model_extractor(args: argparse.Namespace) -> LLMExtractor | None:
    """The model extractor for --extractor llm|hybrid (hybrid is the default once a model is set up)."""
    from review.extract import llm  # the model path only

    if args.extractor is None:
        args.extractor = "hybrid" if llm.model_configured(os.environ) else "rules"
    if args.extractor == "rules":
        if args.replay:
            raise ConfigError("--replay 只用于 --extractor llm 或 hybrid")
        return None
    return llm.build_extractor(llm.load_settings(os.environ), replay=args.replay)


def _progress_bar(path: Path) -> Callable[[int, int], None]:
    from review.extract.llm import ProgressBar

    return ProgressBar(path.name)


def _ledger_line(model: LLMExtractor | None) -> None:
    if model is not None and model.ledger:
        e = model.ledger[-1]
        print(
            f"模型 {e.model}（提示词 {e.prompt_version}）：{e.chunks} 块，"
            f"请求 {e.requests} 次，缓存命中 {e.cache_hits} 次，"
            f"tokens 输入 {e.tokens_in}、输出 {e.tokens_out}，用时 {e.seconds:.1f} 秒",
            file=sys.stderr,
        )


def _check(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and not args.output:
        raise ConfigError("--format xlsx 需要 --output 文件名（如 --output 复核.xlsx）")
    if args.format == "jsonl" and args.output:
        raise ConfigError("--format jsonl 逐行输出到标准输出，不能与 --output 同用")
    pack = resolve_pack(args.rubric) if args.rubric else None  # a bad --rubric fails before any work
    timeout = _timeout(args)
    paths = expand(args.paths)
    store = Store(_db_path(args)) if args.resume or args.db else None
    reviewer = _model_reviewer(args, pack) if args.model else None
    bar = BatchProgress(len(paths)) if len(paths) > 1 and (args.progress or sys.stderr.isatty()) else None
    outcomes: dict[str, Outcome] = {}
    options = ReviewOptions(
        extractor=args.extractor,
        model=args.model.identity if args.model else "",
        rubric=rubric_option(pack),
        period=args.period,
    )
    batch = run_batch(
        paths,
        jobs=args.jobs,
        period=args.period,
        rubric=args.rubric,
        store=store,
        resume=args.resume,
        reviewer=reviewer,
        options=options,
        timeout=timeout,
    )
    interrupted = False
    try:
        with closing(batch):  # on Ctrl-C the batch's workers end before anything else happens
            for outcome in batch:
                with _ctrl_c_after():  # a finished file is counted and shown whole, or not at all
                    outcomes[outcome.path] = outcome
                    if outcome.error:
                        print(f"review: {outcome.error}", file=sys.stderr)
                    if args.format == "jsonl":
                        sys.stdout.write(to_jsonl_line(outcome) + "\n")
                        sys.stdout.flush()
                    if bar:
                        bar.advance(outcome)
    except KeyboardInterrupt:
        interrupted = True
    ordered = [outcomes[str(p)] for p in paths if str(p) in outcomes]
    reviews = [o.review for o in ordered if o.review is not None]
    errors = [{"path": o.path, "error": o.error} for o in ordered if o.error]
    _output(args, ordered, store, options, many=len(paths) > 1)
    if interrupted:
        if bar and 0 < bar.done < bar.total:
            sys.stderr.write("\n")  # end the progress line
        hint = "（--resume 可继续）" if store is not None else ""
        print(f"review: 已中断：已完成 {len(ordered)} 份，未完成 {len(paths) - len(ordered)} 份{hint}", file=sys.stderr)
        return INTERRUPTED
    if errors:
        return 2
    if args.fail_on:
        floor = SEVERITY_ORDER[args.fail_on]
        if any(SEVERITY_ORDER[f.severity] >= floor for r in reviews for f in r.findings):
            return 1
    return 0


def _output(
    args: argparse.Namespace, ordered: list[Outcome], store: Store | None, options: ReviewOptions, *, many: bool
) -> None:
    """Everything but jsonl (printed as each file completes), to stdout or --output."""
    reviews = [o.review for o in ordered if o.review is not None]
    errors = [{"path": o.path, "error": o.error} for o in ordered if o.error]
    if args.format == "jsonl":
        return
    if args.format in ("csv", "xlsx"):
        _emit(args.output, _working_paper(args.format, reviews, store, options))
        return
    render = {"json": lambda r: to_json(r, errors), "markdown": to_markdown, "text": to_text}[args.format]
    out = render(reviews) if reviews or args.format == "json" else ""
    if args.format == "text" and many:
        out += summary_table(ordered)
    if args.output:
        _emit(args.output, out.encode("utf-8"))
    else:
        sys.stdout.write(out)


def _working_paper(fmt: str, reviews: list[Review], store: Store | None, options: ReviewOptions) -> bytes:
    """The page's working paper (review.present.export) for these reviews; with --db/--resume the decisions
    saved on each finding come along."""
    papers = []
    for r in reviews:
        stored = store.find_review(r.document.sha256, options) if store else None
        decisions = store.latest(stored.id) if store and stored else {}
        papers.append(export.Paper(r, Path(r.document.path).name, decisions, rubric=r.rubric))
    if fmt == "csv":
        return export.papers_to_csv(papers)
    return export.papers_to_xlsx(papers, exported_at=datetime.now(UTC))


def _emit(output: str | None, data: bytes) -> None:
    """Write to --output atomically (a partial file never replaces a good one), else to stdout."""
    if not output:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ConfigError(f"无法写入 {target}：{e.strerror}") from e


@contextmanager
def _ctrl_c_after() -> Iterator[None]:
    """Hold a Ctrl-C that arrives inside the block until the block has finished."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not (
        signal.default_int_handler
    ):  # only the main thread gets signals, and only Python's own handler turns them into KeyboardInterrupt
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


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
