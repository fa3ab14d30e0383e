import argparse
import json

import joblib
import pandas as pd
import yaml
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from pipeline import build_pipeline, load_objects


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    d = cfg["data"]

    df = load_objects(cfg)
    X = df.drop(columns=[d["label_col"], d["group_col"]])
    y = df[d["label_col"]]

    splitter = GroupShuffleSplit(n_splits=1, test_size=d["test_size"], random_state=cfg["random_state"])
    tr, te = next(splitter.split(X, y, groups=df[d["group_col"]]))
    print(f"profiles: train {df[d['group_col']].iloc[tr].nunique()}  test {df[d['group_col']].iloc[te].nunique()}")

    model = build_pipeline(cfg)
    model.fit(X.iloc[tr], y.iloc[tr])
    print("boosting iterations:", model.named_steps["clf"].n_iter_)

    pred = model.predict(X.iloc[te])
    report = classification_report(y.iloc[te], pred, output_dict=True, zero_division=0)
    print(pd.DataFrame(report).T.round(3))
    summary = {
        "run": cfg["run_name"],
        "macro_f1": f1_score(y.iloc[te], pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y.iloc[te], pred),
        "n_train": int(len(tr)),
        "n_test": int(len(te)),
    }
    print(summary)
    joblib.dump(model, f"{cfg['run_name']}.joblib")
    json.dump(summary, open(f"{cfg['run_name']}_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
