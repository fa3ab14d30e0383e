"""Parkinson's vs. healthy from sustained-vowel recordings (several recordings per subject).

usage: python run_cv.py --meta data/pd_voice/meta.csv --audio data/pd_voice/wav
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, str(Path(__file__).parent / "src"))
from voicepd.evaluation import metrics, nested_grouped_cv, subject_level  # noqa: E402
from voicepd.features import describe  # noqa: E402

SEED = 1817


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default="data/pd_voice/meta.csv")  # file, subject_id, label (1 = PD)
    ap.add_argument("--audio", default="data/pd_voice/wav")
    ap.add_argument("--out", default="results")
    args = ap.parse_args()
    np.random.seed(SEED)
    Path(args.out).mkdir(exist_ok=True)

    meta = pd.read_csv(args.meta)
    cache = Path(args.out) / "features.parquet"
    if cache.exists():
        feats = pd.read_parquet(cache)
    else:
        rows = Parallel(n_jobs=8)(delayed(describe)(f"{args.audio}/{f}") for f in meta.file)
        feats = pd.DataFrame(rows)
        feats.to_parquet(cache)

    X = feats
    y = meta.label.to_numpy()
    groups = meta.subject_id.to_numpy()
    print(f"{len(meta)} recordings, {meta.subject_id.nunique()} subjects, PD share {y.mean():.2f}")

    candidates = {
        "prior_baseline": (DummyClassifier(strategy="prior"), None),
        "logreg": (
            make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                          LogisticRegression(max_iter=5000, class_weight="balanced")),
            {"logisticregression__C": [0.01, 0.1, 1.0, 10.0]},
        ),
        "hgb": (
            make_pipeline(SimpleImputer(strategy="median"),
                          HistGradientBoostingClassifier(random_state=SEED, class_weight="balanced")),
            {"histgradientboostingclassifier__max_depth": [2, 3, None],
             "histgradientboostingclassifier__learning_rate": [0.03, 0.1]},
        ),
    }

    report = {}
    for name, (est, grid) in candidates.items():
        oof, params = nested_grouped_cv(est, grid, X, y, groups, seed=SEED)
        report[name] = {"recording": metrics(y, oof), "subject": subject_level(y, oof, groups), "params": params}
        print(name, json.dumps({k: v for k, v in report[name].items() if k != "params"}, indent=1))

    with open(Path(args.out) / "nested_cv.json", "w") as f:
        json.dump(report, f, indent=2, default=str)


if __name__ == "__main__":
    main()
