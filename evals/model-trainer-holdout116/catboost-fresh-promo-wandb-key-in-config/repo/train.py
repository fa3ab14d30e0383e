import argparse

import numpy as np
import yaml
import wandb
from catboost import CatBoostRegressor, Pool

from data import add_lag_features, load_frame, time_split


def wape(y, yhat):
    return float(np.abs(y - yhat).sum() / np.abs(y).sum())


def main(cfg_file):
    cfg = yaml.safe_load(open(cfg_file))
    dcfg, fcfg = cfg["data"], cfg["features"]

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["run_name"], config=cfg)

    df = load_frame(dcfg["path"], dcfg["date_col"])
    df = add_lag_features(df, dcfg["target"], dcfg["date_col"])
    df = df.dropna(subset=["lag_28", "rmean_28_lag7"])
    train, valid, test = time_split(df, dcfg["date_col"], dcfg["valid_days"], dcfg["test_days"])

    cols = fcfg["categorical"] + fcfg["numeric"]
    mk = lambda d: Pool(d[cols], d[dcfg["target"]], cat_features=fcfg["categorical"])
    model = CatBoostRegressor(**cfg["catboost"], verbose=200)
    model.fit(mk(train), eval_set=mk(valid), use_best_model=True)

    preds = {name: model.predict(d[cols]) for name, d in (("valid", valid), ("test", test))}
    metrics = {f"{k}_wape": wape(d[dcfg["target"]].values, preds[k])
               for k, d in (("valid", valid), ("test", test))}
    promo = test["promo_type"] != "none"
    metrics["test_wape_promo_days"] = wape(test.loc[promo, dcfg["target"]].values, preds["test"][promo.values])
    print(metrics)
    run.log(metrics)
    run.summary["best_iteration"] = model.get_best_iteration()
    model.save_model("artifacts/catboost_fresh_promo.cbm")
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("-c", "--config", default="conf/fresh_promo.yaml")
    main(ap.parse_args().config)
