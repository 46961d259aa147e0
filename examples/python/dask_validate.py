"""Validates a JSONL dataset across a Dask cluster, one task per shard, and prints the
summary `bytelogic validate` prints for the same file.

    python examples/python/dask_validate.py DATA.jsonl [--scheduler ADDRESS]
        [--workers N] [--shards N] [--program-field F] [--expected-field F]
        [--backend B] [--limits JSON]

Without --scheduler it starts a LocalCluster of --workers processes (default 2). The
file is read here and cut into --shards runs of consecutive lines (default: one per
worker thread); each task validates one with `ByteLogicExecutor.validate_data`, the
executor travelling pickled and rebuilt in the worker. The shards' summaries merge
into one (`bytelogic.Summary.merge`). Exits 0 when every row passes, 1 when one fails,
2 when the file cannot be read. Needs `pip install ./python "dask[distributed]"`.
"""

import argparse
import json
import sys
import time

import bytelogic


def shards(data, count):
    """`data` cut into at most `count` runs of consecutive lines: (first line, bytes)."""
    lines = data.split(b"\n")
    size = max(1, -(-len(lines) // max(1, count)))
    return [(start + 1, b"\n".join(lines[start:start + size]))
            for start in range(0, len(lines), size)]


def validate_shard(executor, first_line, data, program_field, expected_field):
    """One task: the summary of one shard."""
    return executor.validate_data(data, first_line, program_field, expected_field)


def validate(client, data, executor, shard_count=None, program_field="program",
             expected_field="expected"):
    """The summary of the JSONL bytes `data`, validated by `client`'s cluster."""
    start = time.perf_counter()
    count = shard_count or sum(client.nthreads().values())
    futures = [client.submit(validate_shard, executor, first, part, program_field,
                             expected_field, pure=False)
               for first, part in shards(data, count)]
    parts = client.gather(futures)
    return bytelogic.Summary.merge(parts, elapsed=time.perf_counter() - start)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data")
    parser.add_argument("--scheduler", help="address of a running scheduler")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers")
    parser.add_argument("--shards", type=int, help="default: one per worker thread")
    parser.add_argument("--program-field", default="program")
    parser.add_argument("--expected-field", default="expected")
    parser.add_argument("--backend", default="auto")
    parser.add_argument("--limits", type=json.loads, help='e.g. {"max_steps": 10000}')
    args = parser.parse_args(argv)
    try:
        with open(args.data, "rb") as f:
            data = f.read()
    except OSError as e:
        print("error: cannot read `%s`: %s" % (args.data, e.strerror), file=sys.stderr)
        return 2
    executor = bytelogic.ByteLogicExecutor(backend=args.backend, limits=args.limits)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        cluster, client = None, Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        summary = validate(client, data, executor, args.shards, args.program_field,
                           args.expected_field)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    sys.stdout.write(summary.text())
    return 0 if summary.passed == summary.rows else 1


if __name__ == "__main__":
    sys.exit(main())
