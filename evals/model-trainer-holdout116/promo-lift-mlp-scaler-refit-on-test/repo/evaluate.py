import joblib
import numpy as np
import pandas as pd

from prep import build_preprocessor, load_cfg, load_events, split_by_time


def main():
    cfg = load_cfg()
    ev = load_events(cfg)
    _, test = split_by_time(ev, cfg)
    model = joblib.load(cfg["model_path"])

    pre = build_preprocessor(cfg)
    X_te = pre.fit_transform(test)
    pred_lift = np.exp(model.predict(X_te))
    pred_units = pred_lift * test["baseline_units"].values

    actual = test["units"].values
    wape = np.abs(actual - pred_units).sum() / actual.sum()
    incr_actual = (actual - test["baseline_units"].values).sum()
    incr_pred = (pred_units - test["baseline_units"].values).sum()
    print(f"test events: {len(test)} | units WAPE {wape:.3f}")
    print(f"incremental units: actual {incr_actual:,.0f} vs predicted {incr_pred:,.0f}")

    by_mech = (
        test.assign(pred=pred_units)
        .groupby("promo_mechanic")[["units", "pred"]].sum()
        .assign(bias=lambda d: d["pred"] / d["units"] - 1)
    )
    print(by_mech.round(3))


if __name__ == "__main__":
    main()
