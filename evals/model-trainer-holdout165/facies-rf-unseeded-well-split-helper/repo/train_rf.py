from pathlib import Path

import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score

from splits import describe_split, hold_out_wells

FACIES_LABELS = ["SS", "CSiS", "FSiS", "SiSh", "MS", "WS", "D", "PS", "BS"]


def main():
    cfg = yaml.safe_load(open("params.yaml"))
    d = cfg["data"]

    df = pd.read_csv(d["path"])
    df = df.dropna(subset=d["features"])
    # NM_M is the nonmarine/marine indicator (1/2), RELPOS is position within the half-cycle
    df["NM_M"] = df["NM_M"].astype(int)

    train, test = hold_out_wells(df, d["group"], d["n_test_wells"])
    print(describe_split(train, test, d["group"], d["target"]).to_string(index=False))

    rf = RandomForestClassifier(n_jobs=-1, **cfg["rf"])
    rf.fit(train[d["features"]], train[d["target"]])

    pred = rf.predict(test[d["features"]])
    f1 = f1_score(test[d["target"]], pred, average="weighted")
    report = classification_report(test[d["target"]], pred, labels=list(range(1, 10)),
                                   target_names=FACIES_LABELS, zero_division=0)
    print(report)
    print(f"held-out wells weighted F1: {f1:.3f}")

    out = Path(cfg["report_dir"])
    out.mkdir(exist_ok=True)
    (out / "rf_report.txt").write_text(report + f"\nweighted F1: {f1:.4f}\n")
    imp = pd.Series(rf.feature_importances_, index=d["features"]).sort_values(ascending=False)
    imp.to_csv(out / "rf_importance.csv")


if __name__ == "__main__":
    main()
