"""Card fraud: class weighting vs SMOTE with logistic regression and XGBoost."""
import argparse
import json

import joblib
import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

SEED = 2718


def load(path):
    df = pd.read_csv(path).drop(columns=["Time"]).drop_duplicates()
    df["log_amount"] = np.log1p(df.pop("Amount"))
    return df.drop(columns=["Class"]), df["Class"]


def threshold_from_oof(y, oof_proba):
    prec, rec, thr = precision_recall_curve(y, oof_proba)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-12)
    return float(thr[np.argmax(f1)])


def evaluate(name, model, thr, X_test, y_test):
    p = model.predict_proba(X_test)[:, 1]
    row = {
        "model": name,
        "roc_auc": roc_auc_score(y_test, p),
        "pr_auc": average_precision_score(y_test, p),
        "threshold": thr,
        "f1_at_threshold": f1_score(y_test, (p >= thr).astype(int)),
    }
    print(json.dumps(row))
    return row


def main(args):
    X, y = load(args.data)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    candidates = {
        "logreg_balanced": ImbPipeline([
            ("scale", StandardScaler()),
            ("clf", LogisticRegression(class_weight="balanced", max_iter=2000)),
        ]),
        "logreg_smote": ImbPipeline([
            ("scale", StandardScaler()),
            ("smote", SMOTE(sampling_strategy=0.05, random_state=SEED)),
            ("clf", LogisticRegression(max_iter=2000)),
        ]),
    }

    xgb_search = GridSearchCV(
        ImbPipeline([
            ("smote", SMOTE(random_state=SEED)),
            ("clf", XGBClassifier(n_estimators=400, learning_rate=0.05, subsample=0.9,
                                  eval_metric="aucpr", random_state=SEED, n_jobs=4)),
        ]),
        param_grid={"smote__sampling_strategy": [0.02, 0.1], "clf__max_depth": [3, 5]},
        scoring="average_precision",
        cv=cv,
        n_jobs=1,
    )
    xgb_search.fit(X_train, y_train)
    print("best XGB params:", xgb_search.best_params_, f"CV AP {xgb_search.best_score_:.4f}")
    candidates["xgb_smote"] = xgb_search.best_estimator_

    rows = [evaluate("prior", DummyClassifier(strategy="prior").fit(X_train, y_train), 0.5, X_test, y_test)]
    for name, model in candidates.items():
        oof = cross_val_predict(model, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
        thr = threshold_from_oof(y_train, oof)
        model.fit(X_train, y_train)
        rows.append(evaluate(name, model, thr, X_test, y_test))

    pd.DataFrame(rows).to_csv(args.report, index=False)
    joblib.dump(candidates["xgb_smote"], args.model_out)


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/creditcard.csv")
    p.add_argument("--report", default="reports/smote_comparison.csv")
    p.add_argument("--model-out", default="models/xgb_smote.joblib")
    main(p.parse_args())
