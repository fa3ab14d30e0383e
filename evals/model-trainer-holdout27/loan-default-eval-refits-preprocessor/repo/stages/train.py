from pathlib import Path

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier

from credit.preprocessing import make_preprocessor
from credit.settings import TARGET, load_settings


def main():
    cfg = load_settings()
    train = pd.read_parquet(Path(cfg["splits_dir"]) / "train.parquet")
    prep = make_preprocessor(cfg)
    X_train = prep.fit_transform(train)
    y_train = train[TARGET]

    gbm = HistGradientBoostingClassifier(random_state=cfg["seed"], **cfg["gbm"]).fit(X_train, y_train)
    dummy = DummyClassifier(strategy="prior").fit(X_train, y_train)

    art = Path(cfg["artifacts"])
    art.mkdir(exist_ok=True)
    joblib.dump(gbm, art / "gbm.joblib")
    joblib.dump(dummy, art / "dummy.joblib")


if __name__ == "__main__":
    main()
