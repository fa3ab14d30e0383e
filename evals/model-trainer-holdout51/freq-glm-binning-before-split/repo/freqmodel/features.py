"""Design-matrix construction for the Poisson frequency GLM."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler


def clean_policies(df: pd.DataFrame, max_exposure: float, max_claims: int) -> pd.DataFrame:
    """Cap exposure at one policy-year and truncate implausible claim counts."""
    out = df.copy()
    out["Exposure"] = out["Exposure"].clip(upper=max_exposure)
    out["ClaimNb"] = out["ClaimNb"].clip(upper=max_claims)
    out = out[out["Exposure"] > 0]
    return out.reset_index(drop=True)


def add_derived_columns(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["log_density"] = np.log(out["Density"].clip(lower=1))
    out["bonus_malus_capped"] = out["BonusMalus"].clip(upper=150)
    out["VehGas"] = out["VehGas"].astype(str)
    return out


def make_transformer(feature_cfg: dict) -> ColumnTransformer:
    binned = feature_cfg["binned"]
    steps = [
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), feature_cfg["categorical"]),
        ("num", StandardScaler(), feature_cfg["numeric_scaled"]),
    ]
    for col, n_bins in binned.items():
        steps.append(
            (
                f"bin_{col.lower()}",
                KBinsDiscretizer(n_bins=n_bins, encode="onehot", strategy="quantile", subsample=None),
                [col],
            )
        )
    return ColumnTransformer(steps, remainder="drop", sparse_threshold=0.3)


def build_design_matrix(df: pd.DataFrame, feature_cfg: dict):
    """Return the encoded design matrix together with the fitted transformer."""
    frame = add_derived_columns(df)
    transformer = make_transformer(feature_cfg)
    X = transformer.fit_transform(frame)
    return X, transformer
