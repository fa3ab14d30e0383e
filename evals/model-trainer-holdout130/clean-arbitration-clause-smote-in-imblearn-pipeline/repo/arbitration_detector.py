"""Flag mandatory-arbitration / class-action-waiver paragraphs in consumer agreements.

Positives are rare (~3% of paragraphs), so SMOTE on the TF-IDF+SVD representation is tried
against plain class weighting. Paragraphs of one agreement stay together in every split.
"""
import json

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

SEED = 5
rng = np.random.default_rng(SEED)

paras = pd.read_parquet("data/consumer_agreement_paragraphs.parquet")  # agreement_id, company, para_idx, text, is_arbitration
paras = paras[paras.text.str.len() > 40].reset_index(drop=True)
y = paras.is_arbitration.to_numpy()
groups = paras.agreement_id.to_numpy()
print(f"{len(paras)} paragraphs, {paras.agreement_id.nunique()} agreements, positive rate {y.mean():.3%}")

# hold out 20% of agreements for the final test
agreements = paras.agreement_id.unique()
test_agreements = set(rng.choice(agreements, size=int(0.2 * len(agreements)), replace=False))
is_test = paras.agreement_id.isin(test_agreements).to_numpy()
X_tr, y_tr, g_tr = paras.text[~is_test], y[~is_test], groups[~is_test]
X_te, y_te = paras.text[is_test], y[is_test]


def make_pipeline(use_smote: bool):
    steps = [
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)),
        ("svd", TruncatedSVD(n_components=300, random_state=SEED)),
    ]
    if use_smote:
        steps.append(("smote", SMOTE(k_neighbors=5, random_state=SEED)))
    steps.append(("lr", LogisticRegression(C=1.0, max_iter=2000,
                                           class_weight=None if use_smote else "balanced")))
    return ImbPipeline(steps)


cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
scores = {}
for name, use_smote in [("class_weight", False), ("smote", True)]:
    res = cross_validate(make_pipeline(use_smote), X_tr, y_tr, groups=g_tr, cv=cv,
                         scoring=["average_precision", "f1", "recall"], n_jobs=-1)
    scores[name] = {m: float(np.mean(res[f"test_{m}"])) for m in ["average_precision", "f1", "recall"]}
    print(name, {k: round(v, 4) for k, v in scores[name].items()})

choice = max(scores, key=lambda k: scores[k]["average_precision"])
print("selected on CV:", choice)

final = make_pipeline(choice == "smote").fit(X_tr, y_tr)
proba = final.predict_proba(X_te)[:, 1]
pred = (proba >= 0.5).astype(int)
p, r, f, _ = precision_recall_fscore_support(y_te, pred, average="binary")
test = {"variant": choice, "test_ap": float(average_precision_score(y_te, proba)),
        "test_precision": float(p), "test_recall": float(r), "test_f1": float(f)}
print(classification_report(y_te, pred, target_names=["other", "arbitration"], digits=3))
print(json.dumps({"cv": scores, "test": test}, indent=2))
