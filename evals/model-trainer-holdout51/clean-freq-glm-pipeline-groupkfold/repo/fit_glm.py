"""Select the ridge penalty of the MTPL frequency GLM with policyholder-grouped CV and score it
on a grouped holdout."""
import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import tomli
from sklearn.dummy import DummyRegressor
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit

from tplfreq.pipeline import add_stateless_columns, make_pipeline
from tplfreq.scoring import report


def main(cfg_path: str = "frequency.toml"):
    cfg = tomli.loads(Path(cfg_path).read_text())
    seed = cfg["run"]["seed"]

    df = add_stateless_columns(pd.read_parquet(cfg["data"]["path"]), cfg["data"]["max_exposure"])
    df = df[df["Exposure"] > 0].reset_index(drop=True)

    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["test_fraction"], random_state=seed)
    train_idx, test_idx = next(outer.split(df, groups=df["policyholder_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]

    search = GridSearchCV(
        make_pipeline(cfg["features"]),
        param_grid={"model__alpha": cfg["cv"]["alphas"]},
        scoring="neg_mean_poisson_deviance",
        cv=GroupKFold(n_splits=cfg["cv"]["n_splits"]),
        n_jobs=-1,
    )
    search.fit(
        train,
        train["frequency"],
        groups=train["policyholder_id"],
        model__sample_weight=train["Exposure"],
    )
    print("best alpha:", search.best_params_, "cv deviance:", -search.best_score_)

    baseline = DummyRegressor(strategy="mean").fit(train, train["frequency"], sample_weight=train["Exposure"])

    y_te, w_te = test["frequency"].to_numpy(), test["Exposure"].to_numpy()
    results = {
        "portfolio_mean": report(y_te, baseline.predict(test), w_te),
        "poisson_glm": report(y_te, search.predict(test), w_te),
    }
    print(json.dumps(results, indent=2))

    out = Path(cfg["run"]["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(search.best_estimator_, out / "frequency_glm.joblib")
    (out / "holdout_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
