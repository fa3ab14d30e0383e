"""Thin reader for the offline feature store (parquet, partitioned by feature view and as_of date)."""
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds

FS_ROOT = Path("feature_store")


def load_feature_view(view: str, as_of: str, entity_key: str = "customer_id", columns=None) -> pd.DataFrame:
    dataset = ds.dataset(FS_ROOT / view, format="parquet", partitioning="hive")
    table = dataset.to_table(columns=columns, filter=ds.field("as_of") == as_of)
    frame = table.to_pandas()
    if frame[entity_key].duplicated().any():
        raise ValueError(f"{view}: duplicate {entity_key} rows for as_of={as_of}")
    return frame.set_index(entity_key)
