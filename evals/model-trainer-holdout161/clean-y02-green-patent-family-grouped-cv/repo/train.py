"""Y02 (climate-change mitigation) tagger from independent claims.

The label is whether any Y02* code is assigned to the publication.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.pipeline import Pipeline

from cv_utils import family_holdout, grouped_cv_ap

SEED = 404

df = pd.read_parquet("data/patents_claims_cpc.parquet",
                     columns=["publication_number", "family_id", "independent_claims", "cpc_codes"])
df["y"] = df["cpc_codes"].map(lambda codes: int(any(c.startswith("Y02") for c in codes)))
df["text"] = df["independent_claims"].fillna("").str.replace(r"\s+", " ", regex=True)

train_df, test_df = family_holdout(df, test_size=0.2, seed=SEED)
print(f"train {len(train_df):,} pubs / {train_df.family_id.nunique():,} families; "
      f"test {len(test_df):,}; positive rate {train_df.y.mean():.3f}")


def make_model(C: float) -> Pipeline:
    return Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True)),
        ("lr", LogisticRegression(C=C, class_weight="balanced", max_iter=3000, random_state=SEED)),
    ])


results = {}
for C in [0.3, 1.0, 3.0, 10.0]:
    mean_ap, std_ap = grouped_cv_ap(make_model(C), train_df["text"], train_df["y"].to_numpy(),
                                    train_df["family_id"], n_splits=5, seed=SEED)
    results[C] = mean_ap
    print(f"C={C:<5} CV AP {mean_ap:.4f} +/- {std_ap:.4f}")
best_C = max(results, key=results.get)

# refit with the chosen C
final = make_model(best_C).fit(train_df["text"], train_df["y"])

proba = final.predict_proba(test_df["text"])[:, 1]
metrics = {
    "best_C": best_C,
    "test_ap": average_precision_score(test_df["y"], proba),
    "test_auc": roc_auc_score(test_df["y"], proba),
    "test_f1@0.5": f1_score(test_df["y"], (proba >= 0.5).astype(int)),
}
print(json.dumps(metrics, indent=2))
joblib.dump(final, "models/y02_tagger.joblib")
