"""Money-mule detection on weekly P2P account aggregates (CatBoost)."""
import yaml
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from tracking import init_run, log_metrics


def metrics(y, p):
    prec, rec, _ = precision_recall_curve(y, p)
    return {
        "roc_auc": roc_auc_score(y, p),
        "pr_auc": average_precision_score(y, p),
        "max_recall_at_p50": float(rec[prec >= 0.5].max()) if (prec >= 0.5).any() else 0.0,
    }


def main():
    with open("config.yaml") as fh:
        cfg = yaml.safe_load(fh)
    d, f = cfg["data"], cfg["features"]
    run = init_run(cfg)

    df = pd.read_parquet(d["path"])
    df[d["week_col"]] = pd.to_datetime(df[d["week_col"]])
    for c in f["categorical"]:
        df[c] = df[c].fillna("missing").astype(str)

    wk = df[d["week_col"]]
    train = df[wk <= d["train_end"]]
    valid = df[(wk > d["train_end"]) & (wk <= d["valid_end"])]
    test = df[wk > d["valid_end"]]
    cols = f["categorical"] + f["numeric"]

    pools = {
        name: Pool(part[cols], part[d["label"]], cat_features=f["categorical"])
        for name, part in [("train", train), ("valid", valid), ("test", test)]
    }

    cb = cfg["catboost"]
    model = CatBoostClassifier(
        iterations=cb["iterations"],
        learning_rate=cb["learning_rate"],
        depth=cb["depth"],
        l2_leaf_reg=cb["l2_leaf_reg"],
        od_type="Iter",
        od_wait=cb["od_wait"],
        eval_metric="PRAUC",
        auto_class_weights="SqrtBalanced",
        random_seed=cb["random_seed"],
        verbose=200,
    )
    model.fit(pools["train"], eval_set=pools["valid"], use_best_model=True)
    log_metrics(run, "valid", metrics(valid[d["label"]], model.predict_proba(pools["valid"])[:, 1]))

    p_test = model.predict_proba(pools["test"])[:, 1]
    test_metrics = metrics(test[d["label"]], p_test)
    log_metrics(run, "test", test_metrics)
    print(test_metrics)

    model.save_model("mule_catboost.cbm")
    run.finish()


if __name__ == "__main__":
    main()
