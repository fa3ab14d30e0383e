"""Train the LightGBM application PD model on 2019H2-2022 and validate out-of-time on 2023."""
import json
import sys
from pathlib import Path

import lightgbm as lgb
from sklearn.metrics import roc_auc_score

from data import add_features, feature_list, load_applications, time_split


def main(cfg_path="config.json"):
    cfg = json.loads(Path(cfg_path).read_text())
    df = add_features(load_applications(cfg["data_path"], cfg["date_col"], cfg["exclude_before"]))
    dev, oot = time_split(df, cfg["date_col"], cfg["oot_start"])
    feats = feature_list()
    y = cfg["target"]
    print(f"dev {len(dev):,} (bad {dev[y].mean():.2%})  oot {len(oot):,} (bad {oot[y].mean():.2%})")

    dtrain = lgb.Dataset(dev[feats], dev[y], free_raw_data=False)
    doot = lgb.Dataset(oot[feats], oot[y], reference=dtrain)

    booster = lgb.train(
        cfg["lgb_params"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dtrain, doot],
        valid_names=["dev", "oot"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    p_oot = booster.predict(oot[feats], num_iteration=booster.best_iteration)
    auc_oot = roc_auc_score(oot[y], p_oot)
    p_dev = booster.predict(dev[feats], num_iteration=booster.best_iteration)
    auc_dev = roc_auc_score(dev[y], p_dev)
    report = {
        "best_iteration": booster.best_iteration,
        "gini_dev": 2 * auc_dev - 1,
        "gini_oot": 2 * auc_oot - 1,
    }
    print(json.dumps(report, indent=2))

    Path(cfg["model_out"]).parent.mkdir(parents=True, exist_ok=True)
    booster.save_model(cfg["model_out"], num_iteration=booster.best_iteration)
    Path(cfg["model_out"]).with_suffix(".json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
