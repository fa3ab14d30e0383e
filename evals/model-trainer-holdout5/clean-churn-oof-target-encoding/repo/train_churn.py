import json
import logging

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from src.churnkit.encoding import SegmentEncoder

CONFIG = {
    "csv": "data/telco_customers_2024.csv",
    "seed": 11,
    "segment_keys": ["plan_code", "region"],
    "numeric": ["tenure_months", "monthly_charges", "total_charges", "support_calls_90d", "data_gb_30d"],
    "onehot": ["contract_type", "payment_method"],
}
logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("churn")


def design(frame: pd.DataFrame, columns=None) -> pd.DataFrame:
    X = pd.get_dummies(frame[CONFIG["numeric"] + ["seg_rate", "seg_n"] + CONFIG["onehot"]],
                       columns=CONFIG["onehot"], dtype=float)
    return X if columns is None else X.reindex(columns=columns, fill_value=0.0)


def main() -> None:
    seed = CONFIG["seed"]
    np.random.seed(seed)
    customers = pd.read_csv(CONFIG["csv"])
    customers["churned"] = (customers.pop("churn_flag") == "Yes").astype(int)

    rest, test = train_test_split(customers, test_size=0.2, stratify=customers["churned"], random_state=seed)
    train, valid = train_test_split(rest, test_size=0.25, stratify=rest["churned"], random_state=seed)

    enc = SegmentEncoder(CONFIG["segment_keys"], "churned", alpha=20.0, seed=seed)
    train = enc.fit_transform(train)
    valid, test = enc.transform(valid), enc.transform(test)

    X_tr = design(train)
    X_va, X_te = design(valid, X_tr.columns), design(test, X_tr.columns)
    y_tr, y_va, y_te = train["churned"], valid["churned"], test["churned"]

    gbm = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=2000, early_stopping=True,
                                         validation_fraction=0.15, n_iter_no_change=50, random_state=seed)
    gbm.fit(X_tr, y_tr)
    logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)).fit(X_tr.fillna(0), y_tr)

    p_va = gbm.predict_proba(X_va)[:, 1]
    prec, rec, thr = precision_recall_curve(y_va, p_va)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1s)])

    p_te = gbm.predict_proba(X_te)[:, 1]
    p_lr = logit.predict_proba(X_te.fillna(0))[:, 1]
    results = {
        "threshold_from_valid": threshold,
        "gbm": {"roc_auc": roc_auc_score(y_te, p_te), "pr_auc": average_precision_score(y_te, p_te),
                "f1": f1_score(y_te, p_te >= threshold)},
        "logreg_baseline": {"roc_auc": roc_auc_score(y_te, p_lr), "pr_auc": average_precision_score(y_te, p_lr)},
    }
    logger.info(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
