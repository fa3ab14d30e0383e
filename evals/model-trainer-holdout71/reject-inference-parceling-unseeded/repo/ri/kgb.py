from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import ColumnTransformer

CATEGORICAL = ["income_band", "age_band", "tenure_band"]


def make_logit(features):
    numeric = [f for f in features if f not in CATEGORICAL]
    pre = ColumnTransformer([
        ("num", StandardScaler(), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), [f for f in features if f in CATEGORICAL]),
    ])
    return make_pipeline(pre, LogisticRegression(max_iter=2000, C=0.3))
