import json

import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from shots import load_shots, split_by_season


def to_pool(df, cfg):
    cols = cfg["num_features"] + cfg["bool_features"] + cfg["cat_features"]
    X = df[cols].copy()
    X[cfg["cat_features"]] = X[cfg["cat_features"]].fillna("missing").astype(str)
    X[cfg["bool_features"]] = X[cfg["bool_features"]].astype(int)
    return Pool(X, label=df["is_goal"].astype(int), cat_features=cfg["cat_features"])


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    shots = load_shots(cfg["shots_path"])
    train, valid, test = split_by_season(shots, cfg["seasons"])
    print(f"shots train {len(train)} valid {len(valid)} test {len(test)}")

    train_pool, valid_pool, test_pool = (to_pool(d, cfg) for d in (train, valid, test))

    model = CatBoostClassifier(**cfg["catboost"], verbose=250)
    model.fit(train_pool, eval_set=valid_pool, use_best_model=True)
    print("best iteration:", model.get_best_iteration())

    p = model.predict_proba(test_pool)[:, 1]
    y = test["is_goal"].astype(int).to_numpy()
    metrics = {
        "test_log_loss": log_loss(y, p),
        "test_brier": brier_score_loss(y, p),
        "test_auc": roc_auc_score(y, p),
        "xg_sum": float(p.sum()),
        "goals": int(y.sum()),
        "best_iteration": int(model.get_best_iteration()),
    }
    print(json.dumps(metrics, indent=2))
    model.save_model("xg_catboost.cbm")
    with open("xg_metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
