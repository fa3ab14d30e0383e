"""Normal vs abnormal CXR from negation-aware finding flags (interpretable baseline for the QA dashboard)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

from negex import NegExTagger

SEED = 5

reports = pd.read_csv("data/cxr_reports_normal_abnormal.csv")  # subject_id, study_id, report, abnormal
tagger = NegExTagger("findings.json")

# per-report regex features, no fitting involved
feats = pd.DataFrame([tagger.features(r) for r in reports["report"].fillna("")], index=reports.index)
feats["n_sentences"] = reports["report"].fillna("").str.count(r"[.;]")
X, y = feats, reports["abnormal"].astype(int)

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
tr, te = next(gss.split(X, y, groups=reports["subject_id"]))

clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, max_leaf_nodes=15,
                                     early_stopping=True, validation_fraction=0.15, random_state=SEED)
clf.fit(X.iloc[tr], y.iloc[tr])

proba = clf.predict_proba(X.iloc[te])[:, 1]
print(f"AUROC {roc_auc_score(y.iloc[te], proba):.3f}  AUPRC {average_precision_score(y.iloc[te], proba):.3f}")
print(classification_report(y.iloc[te], (proba >= 0.5).astype(int), target_names=["normal", "abnormal"], digits=3))

pos_rate = X.iloc[tr].filter(like="_pos").mean().sort_values(ascending=False)
print("affirmed-finding prevalence (train):")
print(pos_rate.round(3).to_string())
