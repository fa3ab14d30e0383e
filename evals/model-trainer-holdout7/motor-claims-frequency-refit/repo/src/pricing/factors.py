"""Rating factors for the motor third-party-liability frequency GLM."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder, StandardScaler

CATEGORICAL = ["vehicle_brand", "fuel", "region", "area_code"]
BINNED = ["driver_age", "vehicle_age"]
CONTINUOUS = ["bonus_malus", "log_density", "vehicle_power"]


class RatingFactorBuilder:
    """Turns a policy table into the GLM design matrix."""

    def __init__(self, n_age_bins: int = 10):
        self.onehot = OneHotEncoder(handle_unknown="ignore", min_frequency=50, sparse_output=False)
        self.bins = KBinsDiscretizer(n_bins=n_age_bins, encode="onehot-dense", strategy="quantile")
        self.scale = StandardScaler()

    @staticmethod
    def _clean(policies: pd.DataFrame) -> pd.DataFrame:
        out = policies.copy()
        out["log_density"] = np.log(out["density"].clip(lower=1))
        out["bonus_malus"] = out["bonus_malus"].clip(upper=150)
        out["vehicle_age"] = out["vehicle_age"].clip(upper=20)
        return out

    def design_matrix(self, policies: pd.DataFrame) -> np.ndarray:
        tbl = self._clean(policies)
        blocks = [
            self.onehot.fit_transform(tbl[CATEGORICAL]),
            self.bins.fit_transform(tbl[BINNED]),
            self.scale.fit_transform(tbl[CONTINUOUS]),
        ]
        return np.hstack(blocks)
