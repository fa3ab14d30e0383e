"""Feature construction for the property claim severity GLM."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler


def add_derived(claims: pd.DataFrame) -> pd.DataFrame:
    out = claims.copy()
    out["loss_date"] = pd.to_datetime(out["loss_date"])
    out["report_date"] = pd.to_datetime(out["report_date"])
    out["accident_year"] = out["loss_date"].dt.year
    out["report_lag_days"] = (out["report_date"] - out["loss_date"]).dt.days.clip(lower=0)
    out["sum_insured"] = np.log(out["sum_insured"])
    return out


def build_design_matrix(claims: pd.DataFrame, numeric, categorical):
    """Returns the model matrix plus the fitted numeric transformers (kept for scoring)."""
    imputer = SimpleImputer(strategy="median")
    scaler = StandardScaler()
    num = scaler.fit_transform(imputer.fit_transform(claims[numeric]))
    num = pd.DataFrame(num, columns=numeric, index=claims.index)

    cat = pd.get_dummies(claims[categorical].astype(str), prefix=categorical, drop_first=True, dtype=float)
    X = pd.concat([num, cat], axis=1)
    return X, {"imputer": imputer, "scaler": scaler, "columns": list(X.columns)}
