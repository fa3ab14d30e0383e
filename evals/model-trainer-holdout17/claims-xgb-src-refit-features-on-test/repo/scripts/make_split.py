"""Write a fixed 80/20 policy-level split of the raw claims table."""
import sys

import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

sys.path.insert(0, "src")
from claims.config import PATHS, SEED  # noqa: E402

raw = pd.read_parquet(PATHS["raw"])
raw = raw[raw["claim_amount"] > 0]
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
train_idx, test_idx = next(gss.split(raw, groups=raw["policy_id"]))
raw.iloc[train_idx].to_parquet(PATHS["train"])
raw.iloc[test_idx].to_parquet(PATHS["test"])
print(f"train={len(train_idx)} test={len(test_idx)}")
