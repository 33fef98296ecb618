"""Times CPython's ast.parse on the same corpus as ParseSpeedProbe (see stdlib_corpus.py).

Usage: python ast_parse_speed.py [ROUNDS]   (default 5; the first round is a warm-up)
Prints files/s and MB/s (MB of UTF-8 source) for the best and the mean warm round.
"""
import ast
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stdlib_corpus  # noqa: E402


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    files, _ = stdlib_corpus.corpus(stdlib_corpus.stdlib_root())
    total_bytes = sum(len(text.encode("utf-8")) for _, text in files)
    warnings.simplefilter("ignore")
    times = []
    cpu_times = []
    for r in range(rounds):
        start = time.perf_counter()
        cpu_start = time.process_time()
        for rel, text in files:
            try:
                ast.parse(text, rel)
            except (SyntaxError, ValueError):
                pass
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        print(f"  round {r + 1}{' (warm-up)' if r == 0 and rounds > 1 else ''}: {elapsed:.2f} s "
              f"(CPU {cpu:.2f} s)", flush=True)
        if r > 0 or rounds == 1:
            times.append(elapsed)
            cpu_times.append(cpu)
    best = min(times)
    mean = sum(times) / len(times)
    mb = total_bytes / 1e6
    print(f"python {sys.version.split()[0]}: {len(files)} files, {mb:.1f} MB")
    print(f"ast.parse best round: {best:.2f} s = {len(files) / best:.0f} files/s, {mb / best:.2f} MB/s")
    print(f"ast.parse mean round: {mean:.2f} s = {len(files) / mean:.0f} files/s, {mb / mean:.2f} MB/s")
    best_cpu = min(cpu_times)
    print(f"ast.parse best round by CPU time: {best_cpu:.2f} s = {len(files) / best_cpu:.0f} files/s, "
          f"{mb / best_cpu:.2f} MB/s")


if __name__ == "__main__":
    main()
