"""Event-pack purchase propensity (Legends of Valor).

Trained on past seasonal events, early-stopped on the latest finished event,
tested on the most recent one. Used to decide who sees the pack in the shop carousel.
"""
import numpy as np
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, roc_auc_score

from data import load_config, load_snapshots, split_by_event


def make_pool(df, cfg):
    feats = cfg["cat_features"] + cfg["num_features"]
    return Pool(df[feats], label=df[cfg["label"]], cat_features=cfg["cat_features"])


def main():
    cfg = load_config()
    df = load_snapshots(cfg)
    train, val, test = split_by_event(df, cfg)
    for name, part in (("train", train), ("val", val), ("test", test)):
        print(f"{name:5s} rows={len(part):>8,} buy_rate={part[cfg['label']].mean():.4f}")

    model = CatBoostClassifier(**cfg["catboost"])
    model.fit(make_pool(train, cfg), eval_set=make_pool(val, cfg), use_best_model=True)
    print("best iteration:", model.get_best_iteration())

    p_test = model.predict_proba(make_pool(test, cfg))[:, 1]
    y_test = test[cfg["label"]]
    print(f"test ROC AUC {roc_auc_score(y_test, p_test):.4f}")
    print(f"test PR AUC  {average_precision_score(y_test, p_test):.4f}")

    # how much of the event revenue the top 10% would have captured
    top = p_test >= np.quantile(p_test, 0.9)
    share = test.loc[top, "event_spend_usd"].sum() / max(test["event_spend_usd"].sum(), 1e-9)
    print(f"top-decile share of event spend: {share:.3f}")

    importances = model.get_feature_importance(prettified=True)
    print(importances.head(12).to_string(index=False))
    model.save_model("artifacts/event_pack_catboost.cbm")


if __name__ == "__main__":
    main()
