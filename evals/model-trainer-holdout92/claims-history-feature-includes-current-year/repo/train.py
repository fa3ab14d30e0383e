"""Renewal frequency model: Poisson GBM on policy-year panel with claims-experience features."""
import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

from src.features import add_claims_history, add_vehicle_features


def ordered_lorenz_gini(claims, pred_freq, exposure):
    order = np.argsort(pred_freq)
    e = np.asarray(exposure)[order]
    c = np.asarray(claims)[order]
    x = np.concatenate([[0.0], np.cumsum(e) / e.sum()])
    y = np.concatenate([[0.0], np.cumsum(c) / c.sum()])
    return 1.0 - 2.0 * np.trapz(y, x)


def main():
    cfg = yaml.safe_load(open("settings.yaml"))
    panel = pd.read_parquet(cfg["data"])
    panel = panel[panel["exposure"] > 0]
    panel = add_vehicle_features(panel)
    panel = add_claims_history(panel)

    train = panel[panel["policy_year"].isin(cfg["train_years"])]
    test = panel[panel["policy_year"] == cfg["test_year"]]
    feats = cfg["features"]

    y_tr = train["claim_count"] / train["exposure"]
    y_te = test["claim_count"] / test["exposure"]

    model = HistGradientBoostingRegressor(loss="poisson", random_state=cfg["seed"], **cfg["hgb"])
    model.fit(train[feats], y_tr, sample_weight=train["exposure"])

    baseline = DummyRegressor(strategy="mean").fit(train[feats], y_tr, sample_weight=train["exposure"])

    pred = model.predict(test[feats])
    pred_base = baseline.predict(test[feats])
    w = test["exposure"]
    print(f"test year {cfg['test_year']}: {len(test):,} policies")
    print(f"Poisson deviance  model {mean_poisson_deviance(y_te, pred, sample_weight=w):.5f}"
          f"  baseline {mean_poisson_deviance(y_te, pred_base, sample_weight=w):.5f}")
    print(f"MAE (claims)      model {mean_absolute_error(test['claim_count'], pred * w):.5f}")
    print(f"Gini              model {ordered_lorenz_gini(test['claim_count'], pred, w):.4f}")

    joblib.dump({"model": model, "features": feats}, cfg["model_out"])


if __name__ == "__main__":
    main()
