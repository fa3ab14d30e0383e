from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["dep_hour", "DISTANCE", "origin_temp_f", "origin_wind_kts", "origin_gust_kts",
           "origin_visibility_mi", "origin_precip_in", "origin_snowfall_in",
           "dest_wind_kts", "dest_visibility_mi", "dest_snowfall_in", "sched_deps_origin_hour"]
CATEGORICAL = ["OP_CARRIER", "ORIGIN"]


def build_pipeline(seed: int, C: float = 1.0, sampling_strategy: float = 0.3) -> Pipeline:
    pre = ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
    ])
    return Pipeline([
        ("pre", pre),
        ("smote", SMOTE(sampling_strategy=sampling_strategy, k_neighbors=5, random_state=seed)),
        ("clf", LogisticRegression(C=C, max_iter=2000, solver="lbfgs", random_state=seed)),
    ])
