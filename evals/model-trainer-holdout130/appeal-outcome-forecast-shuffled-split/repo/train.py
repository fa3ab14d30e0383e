import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from scipy.sparse import csr_matrix, hstack
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import HISTORY_COLS, add_history_features, add_meta_features

cfg = yaml.safe_load(open("config.yaml"))
np.random.seed(cfg["seed"])

df = pd.read_parquet(cfg["data_path"])
df["decision_date"] = pd.to_datetime(df["decision_date"])
df["appellant_norm"] = df["appellant"].str.lower().str.replace(r"[^a-z ]", "", regex=True).str.strip()
df = add_history_features(df)
df = add_meta_features(df)
print(df.shape, df["decision_date"].min().date(), "->", df["decision_date"].max().date())
print("reversal rate:", round(df["reversed"].mean(), 3))

META_COLS = HISTORY_COLS + ["log_opinion_words", "is_pro_se", "is_govt_appellee"]

train_df, test_df = train_test_split(df, test_size=cfg["test_size"], random_state=cfg["seed"],
                                     stratify=df["reversed"])

tfidf = TfidfVectorizer(max_features=cfg["text"]["max_features"], ngram_range=(1, 2),
                        min_df=5, sublinear_tf=True, stop_words="english")
svd = TruncatedSVD(n_components=cfg["text"]["svd_components"], random_state=cfg["seed"])
txt_tr = svd.fit_transform(tfidf.fit_transform(train_df["opinion_below"]))
txt_te = svd.transform(tfidf.transform(test_df["opinion_below"]))

X_tr = hstack([csr_matrix(txt_tr), csr_matrix(train_df[META_COLS].values)]).tocsr()
X_te = hstack([csr_matrix(txt_te), csr_matrix(test_df[META_COLS].values)]).tocsr()
y_tr, y_te = train_df["reversed"].values, test_df["reversed"].values

model = lgb.LGBMClassifier(**cfg["lgbm"], random_state=cfg["seed"], verbose=-1)
model.fit(X_tr, y_tr)

proba = model.predict_proba(X_te)[:, 1]
metrics = {
    "test_auc": round(roc_auc_score(y_te, proba), 4),
    "test_ap": round(average_precision_score(y_te, proba), 4),
    "base_rate": round(float(y_te.mean()), 4),
}
print(json.dumps(metrics, indent=2))

names = [f"svd_{i}" for i in range(txt_tr.shape[1])] + META_COLS
imp = pd.Series(model.feature_importances_, index=names).sort_values(ascending=False)
print(imp.head(15))
json.dump(metrics, open("metrics.json", "w"), indent=2)
