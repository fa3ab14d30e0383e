"""Species-level classifier for vetted bat passes (SonoBat call parameters).

Detectors (site_code) are kept whole inside a split so that calls from the same bats at the
same roost never sit on both sides.
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold, cross_validate
from sklearn.preprocessing import StandardScaler

FEATURES = ["HiFreq", "LowFreq", "Fc", "Dur", "FreqMaxPwr", "FreqKnee", "TimeKnee", "SteepestSlope",
            "StartSlope", "EndSlope", "HiFtoKnSlope", "KneeToFcSlope", "CallsPerSec", "LdgToFcSlp"]
SEED = 19


def main(csv_path):
    calls = pd.read_csv(csv_path).dropna(subset=FEATURES + ["species", "site_code"])
    rare = calls["species"].value_counts()
    calls = calls[calls["species"].isin(rare[rare >= 25].index)]
    X, y, g = calls[FEATURES], calls["species"], calls["site_code"]

    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
    tr, te = next(gss.split(X, y, g))
    X_tr, y_tr, g_tr = X.iloc[tr], y.iloc[tr], g.iloc[tr]
    X_te, y_te = X.iloc[te], y.iloc[te]
    print(f"train calls {len(tr)} / sites {g_tr.nunique()}  test calls {len(te)} / sites {g.iloc[te].nunique()}")

    pipe = Pipeline([
        ("scale", StandardScaler()),
        ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
        ("clf", ExtraTreesClassifier(n_estimators=800, min_samples_leaf=2, n_jobs=-1, random_state=SEED)),
    ])
    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = cross_validate(pipe, X_tr, y_tr, groups=g_tr, cv=cv,
                            scoring=["balanced_accuracy", "f1_macro"], n_jobs=1)
    print("grouped CV balanced acc: %.3f ± %.3f" % (scores["test_balanced_accuracy"].mean(),
                                                     scores["test_balanced_accuracy"].std()))
    print("grouped CV macro-F1:     %.3f" % scores["test_f1_macro"].mean())

    pipe.fit(X_tr, y_tr)
    pred = pipe.predict(X_te)
    print("held-out sites balanced acc: %.3f" % balanced_accuracy_score(y_te, pred))
    print(classification_report(y_te, pred, digits=3, zero_division=0))
    joblib.dump(pipe, "bat_et_smote.joblib")

    per_site = pd.DataFrame({"site": g.iloc[te].to_numpy(), "ok": (pred == y_te.to_numpy())})
    print(per_site.groupby("site")["ok"].mean().sort_values().round(3).to_string())
    return np.mean(pred == y_te.to_numpy())


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", default="data/sonobat_vetted_2021_2024.csv")
    main(ap.parse_args().calls)
