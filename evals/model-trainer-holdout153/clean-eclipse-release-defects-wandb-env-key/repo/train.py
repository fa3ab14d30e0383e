import os

import pandas as pd
import wandb
import yaml
from dotenv import load_dotenv
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, recall_score

from data import load_releases


def effort_recall_at(y, proba, loc, budget=0.2):
    """Share of defective files found when inspecting the top-ranked 20% of LOC."""
    order = pd.Series(proba).sort_values(ascending=False).index
    cum_loc = loc.iloc[order].cumsum() / loc.sum()
    inspected = order[cum_loc.to_numpy() <= budget]
    return y.iloc[inspected].sum() / max(y.sum(), 1)


def main():
    load_dotenv()
    cfg = yaml.safe_load(open("config.yaml"))
    if not os.environ.get("WANDB_API_KEY"):
        os.environ["WANDB_MODE"] = "offline"
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=cfg["experiment"], tags=cfg["wandb"]["tags"], config=cfg)

    X_train, y_train, X_test, y_test, _ = load_releases(cfg)
    clf = HistGradientBoostingClassifier(**cfg["model"], class_weight="balanced")
    clf.fit(X_train, y_train)

    proba = clf.predict_proba(X_test)[:, 1]
    metrics = {
        "test/auc": roc_auc_score(y_test, proba),
        "test/pr_auc": average_precision_score(y_test, proba),
        "test/recall@0.5": recall_score(y_test, proba >= 0.5),
        "test/recall@20%loc": effort_recall_at(y_test, proba, X_test["TLOC"]),
        "n_iter": clf.n_iter_,
    }
    print(metrics)
    run.log(metrics)
    run.finish()


if __name__ == "__main__":
    main()
