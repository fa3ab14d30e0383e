"""Model pipeline: all fitted preprocessing lives inside the estimator."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import PoissonRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler


def add_stateless_columns(df: pd.DataFrame, max_exposure: float) -> pd.DataFrame:
    out = df.copy()
    out["Exposure"] = out["Exposure"].clip(upper=max_exposure)
    out["log_density"] = np.log(out["Density"].clip(lower=1))
    out["frequency"] = out["ClaimNb"] / out["Exposure"]
    return out


def make_pipeline(feat_cfg: dict, alpha: float = 1e-4) -> Pipeline:
    prep = ColumnTransformer(
        [
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), feat_cfg["categorical"]),
            ("num", StandardScaler(), feat_cfg["numeric"]),
            (
                "bands",
                KBinsDiscretizer(n_bins=feat_cfg["n_bins"], encode="onehot", strategy="quantile", subsample=None),
                feat_cfg["banded"],
            ),
        ]
    )
    return Pipeline([("prep", prep), ("model", PoissonRegressor(alpha=alpha, max_iter=1000))])
