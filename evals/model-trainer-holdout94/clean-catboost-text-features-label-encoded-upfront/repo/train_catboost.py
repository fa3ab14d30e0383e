"""Claim-type classifier: CatBoost with native text features vs. a TF-IDF logistic baseline."""
import json
import sys
from pathlib import Path

import numpy as np
from catboost import CatBoostClassifier, Pool
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

from claims.prep import CAT_COLS, NUM_COLS, TEXT_COL, load_claims

cfg = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "config/catboost.json").read_text())
SEED = cfg["seed"]
out_dir = Path(cfg["output_dir"])
out_dir.mkdir(parents=True, exist_ok=True)

claims = load_claims(cfg["data_path"])
label_enc = LabelEncoder()
claims["target"] = label_enc.fit_transform(claims["claim_type"])
print(dict(zip(label_enc.classes_, np.bincount(claims["target"]))))

train, test = train_test_split(claims, test_size=0.2, stratify=claims["target"], random_state=SEED)
train, valid = train_test_split(train, test_size=0.15, stratify=train["target"], random_state=SEED)

features = [TEXT_COL, *CAT_COLS, *NUM_COLS]


def pool(df):
    return Pool(df[features], label=df["target"], cat_features=CAT_COLS, text_features=[TEXT_COL])


model = CatBoostClassifier(
    loss_function="MultiClass",
    eval_metric="TotalF1:average=Macro",
    iterations=cfg["iterations"],
    learning_rate=cfg["learning_rate"],
    depth=cfg["depth"],
    random_seed=SEED,
    od_type="Iter",
    od_wait=cfg["early_stopping_rounds"],
    use_best_model=True,
    verbose=200,
)
model.fit(pool(train), eval_set=pool(valid))

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
baseline = LogisticRegression(C=2.0, max_iter=3000, class_weight="balanced")
baseline.fit(tfidf.fit_transform(train[TEXT_COL]), train["target"])

y_test = test["target"].to_numpy()
probas = {
    "catboost": model.predict_proba(pool(test)),
    "tfidf_logreg": baseline.predict_proba(tfidf.transform(test[TEXT_COL])),
}
report = {
    name: {
        "accuracy": accuracy_score(y_test, p.argmax(1)),
        "macro_f1": f1_score(y_test, p.argmax(1), average="macro"),
        "log_loss": log_loss(y_test, p, labels=np.arange(len(label_enc.classes_))),
    }
    for name, p in probas.items()
}
report["catboost"]["best_iteration"] = int(model.get_best_iteration())
print(json.dumps(report, indent=2))

model.save_model(str(out_dir / "claim_type.cbm"))
(out_dir / "labels.json").write_text(json.dumps(label_enc.classes_.tolist()))
(out_dir / "test_report.json").write_text(json.dumps(report, indent=2))
