"""Stand-in for the Pagefind binary that records the real binary's peak RSS and lifetime.

The probe points PAGEFIND_BINARY_PATH at a script running this module, so the project's plugin
starts Pagefind exactly as usual, only one process further down. `os.wait4` gives the binary's
own peak RSS (RUSAGE_CHILDREN of Pelican would report at least Pelican's size, inherited at fork).
Each service run appends one JSON line to $BENCH_PAGEFIND_STATS.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time


def main() -> int:
    real, stats = os.environ["BENCH_PAGEFIND_REAL"], os.environ["BENCH_PAGEFIND_STATS"]
    start = time.perf_counter()
    proc = subprocess.Popen([real, *sys.argv[1:]])  # stdin/stdout inherited: the service pipe
    # The plugin stops the service with SIGTERM: pass it on and still record the peak.
    signal.signal(signal.SIGTERM, lambda signum, frame: proc.send_signal(signum))
    _, status, usage = os.wait4(proc.pid, 0)
    record = {"wall_s": time.perf_counter() - start, "cpu_s": usage.ru_utime + usage.ru_stime,
              "peak_rss_mib": usage.ru_maxrss / 1024}
    with open(stats, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    code = os.waitstatus_to_exitcode(status)
    return 0 if code == -signal.SIGTERM else code


if __name__ == "__main__":
    sys.exit(main())
