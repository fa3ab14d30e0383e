import hashlib

import polars as pl


def sha1_of(path: str, chunk: int = 1 << 20) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def load_lines(path: str, expected_sha1: str) -> pl.DataFrame:
    actual = sha1_of(path)
    if actual != expected_sha1:
        raise RuntimeError(f"data file changed: sha1 {actual} != pinned {expected_sha1}")
    return pl.read_parquet(path).with_columns(pl.col("order_ts").cast(pl.Datetime))


def time_split(df: pl.DataFrame, valid_start: str, test_start: str):
    v = pl.lit(valid_start).str.to_datetime()
    t = pl.lit(test_start).str.to_datetime()
    train = df.filter(pl.col("order_ts") < v)
    valid = df.filter((pl.col("order_ts") >= v) & (pl.col("order_ts") < t))
    test = df.filter(pl.col("order_ts") >= t)
    return train, valid, test
