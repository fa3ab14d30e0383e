"""Stage 2: fit the XGBoost claim model and a logistic-regression baseline."""
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

from common import CATEGORICAL, ROOT, TARGET, load_params


def main():
    params = load_params()
    np.random.seed(params["seed"])
    train_df = pd.read_parquet(ROOT / "data/prepared/train.parquet")
    X, y = train_df.drop(columns=[TARGET]), train_df[TARGET]

    xgb = XGBClassifier(
        **params["train"],
        enable_categorical=True,
        tree_method="hist",
        eval_metric="aucpr",
        random_state=params["seed"],
    )
    xgb.fit(X, y)

    numeric = [c for c in X.columns if c not in CATEGORICAL]
    baseline = make_pipeline(
        make_column_transformer(
            (StandardScaler(), numeric),
            (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ),
        LogisticRegression(max_iter=2000, C=0.5),
    )
    baseline.fit(X, y)

    out = ROOT / "models"
    out.mkdir(exist_ok=True)
    joblib.dump(xgb, out / "xgb.joblib")
    joblib.dump(baseline, out / "logreg_baseline.joblib")


if __name__ == "__main__":
    main()
