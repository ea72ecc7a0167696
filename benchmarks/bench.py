"""Nashra's benchmark (``invoke bench``): build cost against vanilla Pelican, matcher speed.

Reports, in one run on the same synthetic corpus (:mod:`nashra.corpus`):

* the full Nashra build (``invoke build --no-search``: two editions, our theme and
  plugins) against vanilla Pelican (default theme, no plugins, one process) at each
  corpus size, and the same build with the Pagefind search index, which vanilla
  Pelican has no counterpart for; the builds run in rounds, one of each in turn, and
  the ratio is of the best times (also of the medians);
* the matcher's throughput, in MB of UTF-8 Arabic per second, with 2,000 aliases (best
  of passes taken at the start, between the rounds of builds and at the end);
* the importer's throughput over saved HTML pages, in articles per second.

Speed goals (design.md, issue 3): plugin overhead under 15 % of the vanilla build, the
matcher at least 20 MB/s on Arabic.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nashra.corpus import (  # noqa: E402
    article_text,
    generate_entities,
    write_corpus,
    write_pages,
    write_registry,
)
from nashra.mentions import Matcher  # noqa: E402
from nashra.registry import load_registry  # noqa: E402

VANILLA_SETTINGS = '''
PATH = {content!r}
ARTICLE_PATHS = ["ar", "en"]
SITENAME = "Vanilla"
SITEURL = "http://localhost:8000"
DEFAULT_LANG = "ar"
TIMEZONE = "UTC"
PLUGINS = []
ARTICLE_TRANSLATION_ID = "translation_key"
DEFAULT_PAGINATION = 10
ARTICLE_URL = "{{lang}}/{{date:%Y}}/{{date:%m}}/{{slug}}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
SLUGIFY_USE_UNICODE = True
'''


def timed(command: list[str], **kwargs) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def bench_build(articles: int, entities: int, work: Path, runs: int,
                between=lambda: None) -> dict:
    """Build the corpus of ``articles`` with vanilla Pelican, Nashra and Nashra with the
    search index, in ``runs`` rounds; ``between()`` is called after each round."""
    content = work / f"content-{articles}"
    write_registry(content / "registry", generate_entities(entities))
    write_corpus(content, articles, generate_entities(entities))
    settings = work / "vanilla.py"
    settings.write_text(VANILLA_SETTINGS.format(content=str(content)), encoding="utf-8")
    commands = {
        "vanilla": [sys.executable, "-m", "pelican", str(content), "-s", str(settings),
                    "-o", str(work / "vanilla-out"), "-q"],
        "nashra": [sys.executable, "-m", "invoke", "build", "--content", str(content),
                   "--output", str(work / "nashra-out"), "--no-search"],
        "with_search": [sys.executable, "-m", "invoke", "build", "--content", str(content),
                        "--output", str(work / "nashra-out")],
    }
    # Rounds of one build each, in turn: the machine's speed drifts over minutes, and
    # a ratio of builds made far apart measures the drift as much as the builds.
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(timed(command, cwd=work if name == "vanilla" else ROOT))
        between()
    best = {name: min(values) for name, values in times.items()}
    middle = {name: statistics.median(values) for name, values in times.items()}
    return {"articles": articles, "vanilla_s": round(best["vanilla"], 2),
            "nashra_s": round(best["nashra"], 2),
            "ratio": round(best["nashra"] / best["vanilla"], 3),
            "median_ratio": round(middle["nashra"] / middle["vanilla"], 3),
            "vanilla_ms_per_article": round(1000 * best["vanilla"] / articles, 2),
            "nashra_ms_per_article": round(1000 * best["nashra"] / articles, 2),
            "with_search_s": round(best["with_search"], 2),
            "runs": {name: [round(v, 2) for v in values] for name, values in times.items()}}


class MatcherBench:
    """The matcher over ``megabytes`` of article-sized Arabic texts, 2,000 aliases.

    :meth:`measure` runs one pass; the benchmark runs passes at its start, after each
    round of builds and at its end, so that the best pass is not one taken during a
    slow spell of a shared machine (a spell lasts minutes; the passes of one moment
    all fall in it).
    """

    def __init__(self, aliases: int, megabytes: float, work: Path) -> None:
        import random

        entities = generate_entities(round(aliases / 3.2))  # 3.2 aliases an entity
        write_registry(work / "registry-matcher", entities)
        registry = load_registry(work / "registry-matcher")
        self.aliases = sum(len(e.aliases) for e in registry.entities())
        started = time.perf_counter()
        self.matcher = Matcher.from_registry(registry)
        self.build_s = time.perf_counter() - started
        rng = random.Random(7)
        pools: dict = {}
        for e in entities:
            pools.setdefault(e.kind, []).append(e)
        self.texts: list[str] = []  # article-sized texts, as the linker passes them
        self.size = 0
        while self.size < megabytes * 1_000_000:
            self.texts.append(article_text(rng, pools, "ar"))
            self.size += len(self.texts[-1].encode("utf-8"))
        self.timings: list[float] = []
        self.mentions = 0

    def measure(self) -> None:
        started = time.perf_counter()
        self.mentions = sum(len(self.matcher.find(t)) for t in self.texts)
        self.timings.append(time.perf_counter() - started)

    def report(self) -> dict:
        megabytes = self.size / 1e6
        rates = sorted(megabytes / t for t in self.timings)
        return {"aliases": self.aliases, "automaton_build_s": round(self.build_s, 3),
                "megabytes": round(megabytes, 2), "texts": len(self.texts),
                "mentions": self.mentions, "seconds": round(min(self.timings), 3),
                "passes": len(rates), "mb_per_s": round(rates[-1], 1),
                "median_mb_per_s": round(statistics.median(rates), 1),
                "slowest_mb_per_s": round(rates[0], 1)}


def bench_import(pages: int, entities: int, work: Path) -> dict:
    """Import ``pages`` generated HTML pages into an empty content folder, in process."""
    from nashra.importer import import_path

    sources, content = work / "pages", work / "import-content"
    write_pages(sources, pages, generate_entities(entities))
    write_registry(content / "registry", generate_entities(entities))
    started = time.perf_counter()
    results, errors = import_path(sources, content)
    seconds = time.perf_counter() - started
    if errors:
        raise SystemExit(f"import failed: {errors[0]}")
    return {"pages": pages, "seconds": round(seconds, 2),
            "articles_per_s": round(len(results) / seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,5000", help="corpus sizes, in articles")
    parser.add_argument("--entities", type=int, default=320, help="registry entries")
    parser.add_argument("--aliases", type=int, default=2000, help="aliases for the matcher")
    parser.add_argument("--megabytes", type=float, default=10.0, help="Arabic text to match")
    parser.add_argument("--runs", type=int, default=3,
                        help="rounds of builds (vanilla, Nashra, Nashra with search, in "
                             "turn); figures are the best and the median of the rounds")
    parser.add_argument("--pages", type=int, default=1000, help="HTML pages to import")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    report = {"builds": [], "matcher": None, "import": None}
    with tempfile.TemporaryDirectory(prefix="nashra-bench-") as tmp:
        work = Path(tmp)
        matcher = MatcherBench(args.aliases, args.megabytes, work)
        for _ in range(3):
            matcher.measure()
        for size in (int(s) for s in args.sizes.split(",") if s):
            row = bench_build(size, args.entities, work, args.runs, matcher.measure)
            report["builds"].append(row)
            print(f"build, {row['articles']} articles: vanilla {row['vanilla_s']} s, "
                  f"nashra {row['nashra_s']} s, ratio {row['ratio']} "
                  f"(of medians {row['median_ratio']}) "
                  f"({row['nashra_ms_per_article']} vs {row['vanilla_ms_per_article']} "
                  f"ms/article); with the search index {row['with_search_s']} s", flush=True)
        for _ in range(3):
            matcher.measure()
        report["matcher"] = m = matcher.report()
        print(f"matcher: {m['aliases']} aliases, {m['megabytes']} MB of Arabic in "
              f"{m['seconds']} s = {m['mb_per_s']} MB/s, best of {m['passes']} passes "
              f"(median {m['median_mb_per_s']}, slowest {m['slowest_mb_per_s']}; "
              f"{m['mentions']} mentions; automaton built in {m['automaton_build_s']} s)",
              flush=True)
        if args.pages:
            report["import"] = i = bench_import(args.pages, args.entities, work)
            print(f"import: {i['pages']} HTML pages in {i['seconds']} s = "
                  f"{i['articles_per_s']} articles/s")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
