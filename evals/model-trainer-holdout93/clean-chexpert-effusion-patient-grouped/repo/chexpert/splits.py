import pandas as pd
from sklearn.model_selection import StratifiedGroupKFold


def assign_folds(df: pd.DataFrame, n_folds: int, seed: int) -> pd.DataFrame:
    """Patient-grouped, label-stratified folds: every study of a patient lands in one fold."""
    out = df.reset_index(drop=True).copy()
    out["fold"] = -1
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    for k, (_, idx) in enumerate(sgkf.split(out, out["y"], groups=out["patient_id"])):
        out.loc[idx, "fold"] = k
    return out
