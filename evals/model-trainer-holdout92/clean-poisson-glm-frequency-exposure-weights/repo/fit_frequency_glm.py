"""Fit the MTPL claim frequency GLM (Poisson, log link).

Frequency = claim_count / exposure is modelled with exposure as sample weight, which gives the
same estimates as a count GLM with a log(exposure) offset.
"""
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import PoissonRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer

from rating.data import load_panel, split_by_policy_year
from rating.evaluation import frequency_report, lift_by_decile


def build_glm(cfg):
    design = ColumnTransformer([
        ("splines", SplineTransformer(n_knots=cfg["spline_knots"], degree=3, knots="quantile"), cfg["numeric"]),
        ("levels", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=cfg["min_level_count"],
                                 sparse_output=False), cfg["categorical"]),
    ])
    return Pipeline([("design", design), ("glm", PoissonRegressor(alpha=cfg["alpha"], max_iter=3000))])


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    df = load_panel(cfg["data_path"])
    train, test = split_by_policy_year(df, cfg["first_year"], cfg["test_year"])
    print(f"train {train.policy_year.min()}-{train.policy_year.max()}: {train.exposure.sum():,.0f} car-years")
    print(f"test  {cfg['test_year']}: {test.exposure.sum():,.0f} car-years")

    features = cfg["numeric"] + cfg["categorical"]
    glm = build_glm(cfg)
    glm.fit(train[features], train["frequency"], glm__sample_weight=train["exposure"])

    flat = DummyRegressor(strategy="mean")
    flat.fit(train[features], train["frequency"], sample_weight=train["exposure"])

    reports = [
        frequency_report("flat_rate", test, flat.predict(test[features])),
        frequency_report("poisson_glm", test, glm.predict(test[features])),
    ]
    print(pd.DataFrame(reports).set_index("model").round(5))
    print(lift_by_decile(test, glm.predict(test[features])).round(4))

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(glm, out / "poisson_glm.joblib")
    (out / "test_metrics.json").write_text(json.dumps(reports, indent=2))


if __name__ == "__main__":
    main()
