"""tiny sqlite helpers shared by the churn + upsell scripts"""
import sqlite3
from contextlib import closing

import pandas as pd


def read_query(db_path, query, params=None, parse_dates=None):
    with closing(sqlite3.connect(db_path)) as con:
        return pd.read_sql_query(query, con, params=params or {}, parse_dates=parse_dates)


def list_tables(db_path):
    with closing(sqlite3.connect(db_path)) as con:
        rows = con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    return [r[0] for r in rows]
