"""Block-level event count vectors for the loghub HDFS_v1 dataset (Drain-parsed)."""
import re

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

BLK_RE = re.compile(r"(blk_-?\d+)")


def load_sessions(structured_csv, templates_csv, labels_csv):
    logs = pd.read_csv(structured_csv, usecols=["Date", "Time", "Content", "EventId"],
                       dtype={"Date": str, "Time": str})
    logs["ts"] = pd.to_datetime(logs["Date"].str.zfill(6) + logs["Time"].str.zfill(6),
                                format="%y%m%d%H%M%S")
    logs["BlockId"] = logs["Content"].str.extract(BLK_RE, expand=False)
    logs = logs.dropna(subset=["BlockId"])

    event_ids = pd.read_csv(templates_csv)["EventId"].tolist()  # E1..E29
    counts = pd.crosstab(logs["BlockId"], logs["EventId"]).reindex(columns=event_ids, fill_value=0)
    first_seen = logs.groupby("BlockId")["ts"].min()

    labels = pd.read_csv(labels_csv).set_index("BlockId")["Label"].eq("Anomaly").astype(int)
    sessions = counts.join(first_seen.rename("first_seen")).join(labels.rename("y"), how="inner")
    return sessions.sort_values("first_seen"), event_ids


def scale_counts(X):
    """log-damp the raw counts then standardize each event column."""
    X = np.log1p(np.asarray(X, dtype=np.float64))
    return StandardScaler().fit_transform(X)
