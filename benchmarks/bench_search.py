#!/usr/bin/env python3
"""Speed and memory of the index and of `neg search` / `neg statements`, next to ripgrep.

For each corpus size it prints: build time and MB/s, index size, peak memory, warm and
cold latency of typical commands (with the default freshness check and with
--no-refresh), `rg -i -c` on the same files with the ratio, and the time to take one
changed file into the index. Needs `hyperfine` and `rg` on the PATH.

    python benchmarks/bench_search.py --sizes 1000 10000 100000 --work /tmp/neg-bench
    python benchmarks/bench_search.py --bundled     # bundled corpus vs a bare click script
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The `neg` command a user runs (next to this Python, as pip installs it), else the module.
_SCRIPT = Path(sys.executable).with_name("neg")
NEG = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "negotiations_cli"]

QUERIES = {
    "search term": ["search", "Istanbul", "-f", "json"],
    "search phrase": ["search", '"Điện Kremlin"', "-f", "json"],
    "search --speaker": ["search", "dam phan", "--speaker", "Peskov", "-f", "json"],
    "search --since": ["search", "Istanbul", "--since", "2025-10", "-f", "json"],
    "statements --speaker --since": [
        "statements",
        "--speaker",
        "Peskov",
        "--since",
        "2025-10",
        "-f",
        "json",
    ],
}


def shell(args: list[str]) -> str:
    return " ".join(f"'{a}'" if any(c in a for c in ' "') else a for a in args)


def hyperfine(
    commands: dict[str, str], runs: int = 10, prepare: str | None = None
) -> dict[str, float]:
    """Mean wall time in seconds of each command."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = [
            "hyperfine",
            "-N" if prepare is None else "-S=bash",
            "--warmup",
            "2",
            "--runs",
            str(runs),
            "--export-json",
            out.name,
        ]
        if prepare:
            args += ["--prepare", prepare]
        for name, command in commands.items():
            args += ["-n", name, command]
        subprocess.run(args, check=True, capture_output=True)
        results = json.loads(Path(out.name).read_text())["results"]
    return {r["command"]: r["mean"] for r in results}


def peak_rss_mb(args: list[str], env: dict[str, str]) -> float:
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True, env=env, check=False
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def bench_size(count: int, work: Path, runs: int) -> None:
    corpus = work / f"corpus-{count}"
    if not corpus.exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(count), str(corpus)],
            check=True,
        )
    cache = work / f"cache-{count}"
    shutil.rmtree(cache, ignore_errors=True)
    env = {**os.environ, "NEG_CACHE_DIR": str(cache)}
    os.environ["NEG_CACHE_DIR"] = str(cache)
    base = [*NEG, "--corpus", str(corpus)]
    size = folder_mb(corpus)

    started = time.perf_counter()
    build = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *base, "index", "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    build_s = time.perf_counter() - started
    build_rss = int(build.stderr.strip().splitlines()[-1]) / 1024
    status = json.loads(build.stdout)[0]
    index_mb = sum(p.stat().st_size for p in cache.glob("*")) / 1e6

    print(f"\n## {count:,} articles ({size:.0f} MB of text)")
    print(
        f"build: {build_s:.1f} s ({size / build_s:.1f} MB/s), {status['articles']} articles, "
        f"{status['statements']} statements; index {index_mb:.0f} MB; "
        f"peak RSS of the main process {build_rss:.0f} MB"
    )

    rg = hyperfine({"rg": f"rg -i -c Istanbul {corpus}"}, runs)["rg"]
    commands = {}
    for name, args in QUERIES.items():
        # a command that fails or finds nothing is fast and meaningless: check it first
        done = subprocess.run([*base, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(f"{name}: neg exited {done.returncode}: {done.stderr.strip()}")
        print(f"{name}: {len(json.loads(done.stdout))} results")
        commands[name] = shell([*base, *args])
        commands[name + " (--no-refresh)"] = shell(
            [*NEG, "--no-refresh", "--corpus", str(corpus), *args]
        )
    warm = hyperfine(commands, runs)
    print(f"rg -i -c Istanbul (warm): {rg * 1000:.0f} ms")
    print(f"{'command':44} {'warm ms':>8} {'× rg':>6}")
    for name, seconds in warm.items():
        print(f"{name:44} {seconds * 1000:8.0f} {seconds / rg:6.2f}")

    if drop_caches():
        cold = hyperfine(
            {
                "neg search (cold)": commands["search term"],
                "rg (cold)": f"rg -i -c Istanbul {corpus}",
            },
            3,
            prepare="sync; echo 3 > /proc/sys/vm/drop_caches",
        )
        for name, seconds in cold.items():
            print(f"{name:44} {seconds * 1000:8.0f}")
    else:
        print("cold figures: cannot drop the page cache here")

    rss = peak_rss_mb([*base, *QUERIES["search term"]], env)
    print(f"peak RSS of a warm search: {rss:.0f} MB")

    victim = next(iter(sorted(corpus.rglob("*.txt"))))
    with victim.open("a", encoding="utf-8") as handle:
        handle.write("\nÔng Yuri Ushakov nói thêm rằng hai bên sẽ gặp lại tại Doha.\n")
    started = time.perf_counter()
    subprocess.run([*base, "index", "-f", "json"], capture_output=True, env=env, check=True)
    print(f"neg index after one changed file: {time.perf_counter() - started:.2f} s")
    (victim.parent / "new-article.txt").write_text(
        " date 2025-11-01 Dẫn.\n\nHai bên đàm phán tại Doha.\n", encoding="utf-8"
    )
    started = time.perf_counter()
    subprocess.run([*base, *QUERIES["search term"]], capture_output=True, env=env, check=False)
    print(
        f"neg search after one added file (quick check + update): "
        f"{time.perf_counter() - started:.2f} s"
    )
    (victim.parent / "new-article.txt").unlink()


def bench_bundled(runs: int) -> None:
    bare = Path(tempfile.mkdtemp()) / "bare.py"
    bare.write_text(
        "import click\nfrom rich.console import Console\nfrom rich.table import Table\n\n"
        "@click.command()\n@click.argument('word')\ndef main(word):\n    table = Table()\n"
        "    for column in ('article', 'date', 'score', 'passage'):\n"
        "        table.add_column(column)\n    for i in range(5):\n"
        "        table.add_row(f'00{i}', '2025-11-12', '2.5', f'… {word} …')\n"
        "    Console().print(table)\n\nmain()\n",
        encoding="utf-8",
    )
    subprocess.run([*NEG, "search", "Istanbul"], capture_output=True, check=False)
    times = hyperfine(
        {
            "bare click + rich table": shell([sys.executable, str(bare), "Istanbul"]),
            "neg search Istanbul": shell([*NEG, "search", "Istanbul"]),
            "neg search Istanbul -f json": shell([*NEG, "search", "Istanbul", "-f", "json"]),
        },
        runs,
    )
    bare_s = times["bare click + rich table"]
    for name, seconds in times.items():
        print(f"{name:34} {seconds * 1000:6.0f} ms  {seconds / bare_s:5.2f} × bare")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "neg-bench")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--bundled", action="store_true", help="only the bundled-corpus check")
    args = parser.parse_args()
    for tool in ("hyperfine", "rg"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed: apt-get install hyperfine ripgrep")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    # Time neg as `pip install` leaves it: with its modules compiled to bytecode. (With
    # PYTHONDONTWRITEBYTECODE set, as on some CI machines, every run would recompile them.)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(ROOT / "negotiations_cli", quiet=1)
    if args.bundled:
        bench_bundled(args.runs)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    bench_bundled(args.runs)
    for count in args.sizes:
        bench_size(count, args.work, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
