"""Time one page with Django's test client: the one measure that bench/comments_page.py (ours)
and bench/xtd_peer.py (the peer, in its own venv) both use, so both are timed alike."""

import statistics
import time


def time_page(client, url, *, runs: int, warmup: int) -> dict:
    """Render url warmup times, count one render's queries, then time runs renders (ms):
    wall-clock median and p95, and the median CPU time of this process (less disturbed by
    other work on a shared machine)."""
    from django.db import connection

    for _ in range(warmup):
        assert client.get(url).status_code == 200
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200
    timings, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {
        "median": statistics.median(timings),
        "p95": statistics.quantiles(timings, n=20)[18],
        "cpu": statistics.median(cpu),
        "queries": len(queries),
        "content": response.content,
    }
