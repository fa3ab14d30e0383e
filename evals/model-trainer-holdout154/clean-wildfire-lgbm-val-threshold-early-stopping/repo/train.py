import json

import lightgbm as lgb
import yaml

from data import load, split_years
from evaluate import pick_threshold, report


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    feats, label = cfg["features"], cfg["data"]["label"]

    df = load(cfg)
    train, val, test = split_years(df, cfg)
    print({k: len(v) for k, v in zip(("train", "val", "test"), (train, val, test))})

    dtrain = lgb.Dataset(train[feats], train[label])
    dval = lgb.Dataset(val[feats], val[label], reference=dtrain)
    booster = lgb.train(
        cfg["lgbm"],
        dtrain,
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[dval],
        valid_names=["val"],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    p_val = booster.predict(val[feats], num_iteration=booster.best_iteration)
    thr = pick_threshold(val[label].values, p_val, cfg["min_recall"])
    print(f"best_iteration={booster.best_iteration}  threshold={thr:.4f}")
    print("val :", json.dumps(report(val[label].values, p_val, thr), indent=1))

    p_test = booster.predict(test[feats], num_iteration=booster.best_iteration)
    test_metrics = report(test[label].values, p_test, thr)
    print("test:", json.dumps(test_metrics, indent=1))

    booster.save_model("lgbm_fire_danger.txt")
    with open("metrics_test.json", "w") as f:
        json.dump({"threshold": thr, **test_metrics}, f, indent=2)


if __name__ == "__main__":
    main()
