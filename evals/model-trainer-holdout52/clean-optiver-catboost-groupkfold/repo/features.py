"""Order-book aggregates per (stock_id, time_id) for Optiver Realized Volatility."""
import numpy as np
import pandas as pd
from joblib import Parallel, delayed


def log_return(s):
    return np.log(s).diff()


def realized_vol(r):
    return np.sqrt(np.sum(r ** 2))


def book_features(book: pd.DataFrame, stock_id: int) -> pd.DataFrame:
    book = book.copy()
    book["wap1"] = (book.bid_price1 * book.ask_size1 + book.ask_price1 * book.bid_size1) / (
        book.bid_size1 + book.ask_size1)
    book["wap2"] = (book.bid_price2 * book.ask_size2 + book.ask_price2 * book.bid_size2) / (
        book.bid_size2 + book.ask_size2)
    book["lr1"] = book.groupby("time_id")["wap1"].transform(log_return)
    book["lr2"] = book.groupby("time_id")["wap2"].transform(log_return)
    book["spread"] = book.ask_price1 / book.bid_price1 - 1
    book["depth"] = book.bid_size1 + book.ask_size1 + book.bid_size2 + book.ask_size2

    agg = {"lr1": [realized_vol], "lr2": [realized_vol], "spread": ["mean", "max"],
           "depth": ["mean", "std"], "seconds_in_bucket": ["count"]}
    out = book.groupby("time_id").agg(agg)
    out.columns = ["_".join(c) for c in out.columns]
    late = book[book.seconds_in_bucket >= 300].groupby("time_id")["lr1"].agg(realized_vol)
    out["lr1_realized_vol_300"] = late
    out = out.reset_index()
    out["stock_id"] = stock_id
    return out


def _load_one(data_dir, split, stock_id):
    book = pd.read_parquet(f"{data_dir}/book_{split}.parquet/stock_id={stock_id}")
    return book_features(book, stock_id)


def load_split(data_dir, split, stock_ids, n_jobs=4):
    frames = Parallel(n_jobs=n_jobs)(delayed(_load_one)(data_dir, split, s) for s in stock_ids)
    return pd.concat(frames, ignore_index=True)
