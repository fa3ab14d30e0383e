"""Spatial blocking helpers for grid-cell datasets (lat/lon in degrees)."""
import numpy as np
import pandas as pd
from sklearn.model_selection import GroupShuffleSplit


def assign_blocks(df, size_deg=1.0, lat_col="lat", lon_col="lon"):
    """Label each row with the id of the size_deg x size_deg block it falls in."""
    bi = np.floor(df[lat_col] / size_deg).astype(int)
    bj = np.floor(df[lon_col] / size_deg).astype(int)
    return bi.astype(str) + ":" + bj.astype(str)


def block_holdout(df, block_col="block", test_frac=0.2):
    """Hold out whole blocks so that test cells are not spatial neighbours of training cells."""
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_frac)
    tr, te = next(splitter.split(df, groups=df[block_col]))
    return df.iloc[tr].copy(), df.iloc[te].copy()


def block_summary(train, test, block_col="block"):
    return pd.DataFrame(
        {
            "rows": [len(train), len(test)],
            "blocks": [train[block_col].nunique(), test[block_col].nunique()],
        },
        index=["train", "test"],
    )
