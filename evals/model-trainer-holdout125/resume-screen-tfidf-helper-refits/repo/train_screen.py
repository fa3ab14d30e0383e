"""Resume screen model: P(candidate advances past recruiter screen) for the
software-engineering requisitions. Trained on ATS outcomes FY22-FY23."""
import argparse

import joblib
import numpy as np
import pandas as pd
from scipy.sparse import hstack, csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, precision_score
from sklearn.model_selection import train_test_split

from screening.text import clean_resume, tfidf_features

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="data/ats_swe_applications.csv")
parser.add_argument("--C", type=float, default=4.0)
parser.add_argument("--seed", type=int, default=17)
parser.add_argument("--out", default="models/resume_screen.joblib")
args = parser.parse_args()

apps = pd.read_csv(args.data)
apps = apps.dropna(subset=["resume_text", "screen_outcome"])
apps["label"] = (apps["screen_outcome"] == "advance").astype(int)
apps["resume_clean"] = apps["resume_text"].map(clean_resume)
apps["yoe"] = apps["years_experience"].clip(0, 40).fillna(0)
print(apps["label"].value_counts(normalize=True))

train_df, test_df = train_test_split(
    apps, test_size=0.2, stratify=apps["label"], random_state=args.seed
)

X_train_txt, vec = tfidf_features(train_df["resume_clean"])
X_test_txt, _ = tfidf_features(test_df["resume_clean"], vectorizer=vec)

def with_numeric(X_txt, frame):
    yoe = csr_matrix(np.log1p(frame[["yoe"]].to_numpy()))
    return hstack([X_txt, yoe]).tocsr()

X_train = with_numeric(X_train_txt, train_df)
X_test = with_numeric(X_test_txt, test_df)

clf = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000, solver="liblinear",
                         random_state=args.seed)
clf.fit(X_train, train_df["label"])

p = clf.predict_proba(X_test)[:, 1]
top = np.argsort(-p)[: int(0.2 * len(p))]
print(f"test ROC AUC   {roc_auc_score(test_df['label'], p):.3f}")
print(f"test PR AUC    {average_precision_score(test_df['label'], p):.3f}")
print(f"precision@20%  {test_df['label'].to_numpy()[top].mean():.3f}")
print(f"precision@0.5  {precision_score(test_df['label'], (p >= 0.5).astype(int)):.3f}")

joblib.dump({"vectorizer": vec, "model": clf}, args.out)
