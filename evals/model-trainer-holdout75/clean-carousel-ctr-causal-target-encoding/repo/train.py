"""Product-carousel CTR model: LightGBM on time-split impressions."""
import argparse
import json
import pickle
from pathlib import Path

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import log_loss, roc_auc_score

from ctr.data import load, split_by_time
from ctr.encoding import apply_frozen_encoding, causal_target_encode, fit_frozen_encoding


def scores(y, p):
    return {"auc": round(roc_auc_score(y, p), 5), "logloss": round(log_loss(y, p), 5)}


def main(cfg):
    out_dir = Path(cfg["paths"]["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    enc, num = cfg["encoding"], cfg["features"]["numeric"]

    df = load(cfg["paths"]["impressions"])
    train, valid, test = split_by_time(df, **cfg["split"])
    print(f"train {len(train):,} | valid {len(valid):,} | test {len(test):,}")

    train_enc, _ = causal_target_encode(train, enc["id_columns"], "clicked", enc["smoothing"])
    tables, prior = fit_frozen_encoding(train, enc["id_columns"], "clicked", enc["smoothing"])
    valid_enc = apply_frozen_encoding(valid, tables, prior)
    test_enc = apply_frozen_encoding(test, tables, prior)

    X_train = pd.concat([train[num], train_enc], axis=1)
    X_valid = pd.concat([valid[num], valid_enc], axis=1)
    X_test = pd.concat([test[num], test_enc], axis=1)

    booster = lgb.train(
        cfg["model"],
        lgb.Dataset(X_train, train["clicked"]),
        num_boost_round=cfg["training"]["num_boost_round"],
        valid_sets=[lgb.Dataset(X_valid, valid["clicked"])],
        valid_names=["valid"],
        callbacks=[lgb.early_stopping(cfg["training"]["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )

    p_test = booster.predict(X_test, num_iteration=booster.best_iteration)
    slot_ctr = train.groupby("slot")["clicked"].mean()
    report = {
        "lightgbm": scores(test["clicked"], p_test),
        "baseline_slot_ctr": scores(test["clicked"], test["slot"].map(slot_ctr).fillna(prior)),
        "baseline_product_ctr": scores(test["clicked"], test_enc["product_id_ctr"]),
        "best_iteration": booster.best_iteration,
    }
    print(json.dumps(report, indent=2))

    booster.save_model(str(out_dir / "model.txt"), num_iteration=booster.best_iteration)
    with open(out_dir / "encoding_tables.pkl", "wb") as fh:
        pickle.dump({"tables": tables, "prior": prior}, fh)
    (out_dir / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
