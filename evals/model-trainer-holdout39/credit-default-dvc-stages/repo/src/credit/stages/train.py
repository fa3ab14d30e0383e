from pathlib import Path

import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from credit.features import build_preprocessor
from credit.params import load_params


def main() -> None:
    p = load_params()
    train = pd.read_csv(Path(p["prepared_dir"]) / "train.csv")
    y = train.pop(p["target"])

    pre = build_preprocessor(p["numeric"], p["categorical"])
    X = pre.fit_transform(train)

    gbm = GradientBoostingClassifier(random_state=p["seed"], **p["gbm"]).fit(X, y)
    scorecard = LogisticRegression(C=0.3, max_iter=3000).fit(X, y)

    out = Path(p["model_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(gbm, out / "gbm.joblib")
    joblib.dump(scorecard, out / "scorecard_baseline.joblib")


if __name__ == "__main__":
    main()
