import argparse
import json

import lightgbm as lgb
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from features import add_target_encoding, build_table, load_oulad


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    parser.add_argument("--out", default="metrics.json")
    args = parser.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    info, vle, student_assess = load_oulad(cfg["data_dir"])
    df = build_table(info, vle, student_assess, cfg["cutoff_day"])

    df["withdrawn"] = (df["final_result"] == "Withdrawn").astype(int)

    df = add_target_encoding(df, cfg["target_encode"], target="withdrawn")
    df = pd.get_dummies(df, columns=cfg["one_hot"], drop_first=True, dtype=int)

    drop = ["id_student", "code_presentation", "final_result", "withdrawn", "first_day", "last_day"]
    drop += cfg["target_encode"]
    feature_cols = [c for c in df.columns if c not in drop]

    # a student can appear in several presentations, keep them on one side
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    train_idx, test_idx = next(gss.split(df, groups=df["id_student"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]

    model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(train[feature_cols], train["withdrawn"])

    proba = model.predict_proba(test[feature_cols])[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(test["withdrawn"], proba),
        "pr_auc": average_precision_score(test["withdrawn"], proba),
        "n_train": len(train),
        "n_test": len(test),
    }
    print(classification_report(test["withdrawn"], (proba >= 0.5).astype(int), digits=3))
    print(json.dumps(metrics, indent=2))
    with open(args.out, "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
