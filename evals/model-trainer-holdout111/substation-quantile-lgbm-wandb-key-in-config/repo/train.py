import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
import wandb
import yaml

from pipeline import add_features, load_frame, pinball, split


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = add_features(load_frame(cfg), cfg)
    train, val, test = split(df, cfg)
    feats = [c for c in df.columns if c != "demand_mw"]
    print(f"train {len(train)}  val {len(val)}  test {len(test)}  features {len(feats)}")

    m = dict(cfg["model"])
    quantiles = m.pop("quantiles")
    es_rounds = m.pop("early_stopping_rounds")
    preds, results = {}, {}
    for q in quantiles:
        model = lgb.LGBMRegressor(objective="quantile", alpha=q, random_state=cfg["seed"],
                                  verbose=-1, **m)
        model.fit(
            train[feats], train["demand_mw"],
            eval_set=[(val[feats], val["demand_mw"])],
            eval_metric="quantile",
            callbacks=[lgb.early_stopping(es_rounds, verbose=False)],
        )
        preds[q] = model.predict(test[feats])
        results[f"test/pinball_q{int(q * 100)}"] = pinball(test["demand_mw"].to_numpy(), preds[q], q)
        results[f"best_iter_q{int(q * 100)}"] = model.best_iteration_
        model.booster_.save_model(f"models/lgbm_q{int(q * 100)}.txt")

    y = test["demand_mw"].to_numpy()
    lo, hi = preds[quantiles[0]], preds[quantiles[-1]]
    results["test/coverage_80"] = float(np.mean((y >= lo) & (y <= hi)))
    results["test/mae_p50"] = float(np.mean(np.abs(y - preds[0.5])))
    results["test/mean_width_80"] = float(np.mean(hi - lo))
    for k, v in results.items():
        print(f"{k:24s} {v:.4f}")
    wandb.log(results)

    fc = pd.DataFrame({f"p{int(q * 100)}": p for q, p in preds.items()}, index=test.index)
    fc["actual"] = y
    wandb.log({"test_forecast_sample": wandb.Table(dataframe=fc.iloc[:48 * 14].reset_index())})
    run.finish()


if __name__ == "__main__":
    main()
