"""The ``briefbook`` command: build the report, extract its data, measure its accuracy.

Any problem with the input ends in one line, ``briefbook: error: <where>: <problem>``,
and a non-zero exit; never a traceback.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from briefbook import __version__
from briefbook.errors import BriefbookError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefbook", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"briefbook {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the report (site in OUT/html)")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed articles (default: seeds)")
    build.add_argument("--root", type=Path, default=Path("."), help="project folder with _config.yml (default: .)")
    build.add_argument("--out", type=Path, default=Path("_build"), help="build folder (default: _build)")
    build.add_argument("--title", help="report title (default: from the corpus)")
    build.add_argument("--workers", type=int, help="notebooks run at once (default: one per core)")
    build.add_argument("--baseurl", help="address the report is published at (default: html.baseurl of _config.yml)")
    build.add_argument("--scheduler", help="a Dask scheduler to parse on, tcp://HOST:8786 (default: BRIEFBOOK_SCHEDULER, "
                                           "else local worker processes for a large corpus)")

    pdf = sub.add_parser("pdf", help="build the report and print it to OUT/briefbook-report.pdf with chromium")
    pdf.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed articles (default: seeds)")
    pdf.add_argument("--root", type=Path, default=Path("."), help="project folder with _config.yml (default: .)")
    pdf.add_argument("--out", type=Path, default=Path("_build"), help="build folder (default: _build)")

    extract = sub.add_parser("extract", help="write the data tables of a seeds folder as CSV")
    extract.add_argument("seeds", type=Path, help="folder of seed articles")
    extract.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    extract.add_argument("--scheduler", help="a Dask scheduler to parse on, tcp://HOST:8786 (default: BRIEFBOOK_SCHEDULER)")

    evaluate = sub.add_parser("evaluate", help="print precision, recall and F1 against the hand annotations")
    evaluate.add_argument("--tests", type=Path, default=Path("tests"), help="folder with annotations/ and corpora/")
    evaluate.add_argument("--seeds", type=Path, default=Path("seeds"), help="the annotated seeds folder")
    evaluate.add_argument("--csv", type=Path, help="also write the table as CSV here")
    evaluate.add_argument("--published", type=Path,
                          help="folder of published development articles, one folder per event "
                               "(default: ../shared/corpora/published beside the checkout)")
    evaluate.add_argument("--only", choices=["claims", "figures", "chronology"], action="append",
                          help="score only this analysis (repeatable)")

    pages = sub.add_parser("bench-pages", help="score the web-page reader on saved pages in trafilatura's evaluation "
                                               "format, beside trafilatura's own score")
    pages.add_argument("evaldata", type=Path,
                       help="evaldata.json, or the folder holding it (pages in eval/ or cache/ beside it)")
    pages.add_argument("--all-languages", action="store_true", help="score every page, not only the English ones")
    return parser


def _bench_pages(evaldata: Path, all_languages: bool) -> None:
    from briefbook.bench.pages import score, table

    print(table(*score(evaldata, english_only=not all_languages)))


def _extract(seeds: Path, out: Path, scheduler: str | None = None) -> None:
    from briefbook.corpus import load_corpus
    from briefbook.extract import extract_corrected, stale_corrections, warn_failures, write_tables

    corpus = load_corpus(seeds)
    extraction = extract_corrected(corpus, scheduler=scheduler)
    for path in write_tables(extraction, out):
        print(path)
    warn_failures(extraction)
    for line in stale_corrections(extraction.tables):
        print(f"briefbook: {line}", file=sys.stderr)
    for skipped in corpus.skipped:
        print(f"briefbook: note: {skipped.file}: {skipped.reason}", file=sys.stderr)


def _evaluate(tests: Path, seeds: Path, csv: Path | None, published: Path | None = None,
              only: list[str] | None = None) -> None:
    from briefbook.evaluation import default_published_dir, evaluate_all, metrics_frame

    published = published or default_published_dir(tests)
    if not published.is_dir():
        print(f"briefbook: note: {published}: no published development articles here; that set is not scored",
              file=sys.stderr)
    frame = metrics_frame(evaluate_all(tests, seeds, tuple(only) if only else None, published))
    print(frame.to_string(index=False, na_rep=""))
    if csv:
        frame.to_csv(csv, index=False)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            from briefbook.publish.build import build

            build(args.seeds, args.root, args.out, title=args.title, workers=args.workers, baseurl=args.baseurl,
                  scheduler=args.scheduler)
        elif args.command == "pdf":
            from briefbook.publish.build import build
            from briefbook.publish.pdf import print_pdf

            build(args.seeds, args.root, args.out)
            print(print_pdf(args.out))
        elif args.command == "extract":
            _extract(args.seeds, args.out, args.scheduler)
        elif args.command == "evaluate":
            _evaluate(args.tests, args.seeds, args.csv, args.published, args.only)
        elif args.command == "bench-pages":
            _bench_pages(args.evaldata, args.all_languages)
    except BriefbookError as err:
        print(f"briefbook: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # Ending anyway: a second Ctrl-C while the workers are reaped must not print a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print(_interrupted(args), file=sys.stderr)
        return 130
    return 0


def _interrupted(args: argparse.Namespace) -> str:
    """The one line for Ctrl-C: a build publishes only once complete, so OUT/html holds the last good site."""
    if args.command not in ("build", "pdf"):
        return "briefbook: interrupted"
    site = args.out / "html"
    if (site / "index.html").is_file():
        return f"briefbook: interrupted; the last good site is kept in {site}"
    return f"briefbook: interrupted; no site in {site} yet"


if __name__ == "__main__":
    sys.exit(main())
