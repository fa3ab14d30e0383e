"""Flag MRI spine reports describing cord/cauda equina compression for the urgent-callback worklist."""
import json

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from augment import augment_minority

SEED = 99

df = pd.read_csv("data/mri_spine_reports.csv", parse_dates=["study_date"])
# one study per patient: keep the index MRI so repeat scans can't end up on both sides of the split
df = df.sort_values("study_date").drop_duplicates("patient_id", keep="first")
df["text"] = (df["findings"].fillna("") + " " + df["impression"].fillna("")).str.lower()
print(f"{len(df)} studies, {df['cord_compression'].mean():.2%} positive")

# positives are ~3%; EDA augmentation to give the classifier more positive phrasing variants
df = augment_minority(df, "text", "cord_compression", n_aug=4, seed=SEED)
print(f"after augmentation: {len(df)} rows, {df['cord_compression'].mean():.2%} positive")

train, test = train_test_split(df, test_size=0.2, stratify=df["cord_compression"], random_state=SEED)

clf = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    LogisticRegression(C=2.0, max_iter=2000),
)
clf.fit(train["text"], train["cord_compression"])

proba = clf.predict_proba(test["text"])[:, 1]
metrics = {
    "auroc": round(roc_auc_score(test["cord_compression"], proba), 4),
    "auprc": round(average_precision_score(test["cord_compression"], proba), 4),
}
print(json.dumps(metrics))
print(classification_report(test["cord_compression"], proba >= 0.5, digits=3))
