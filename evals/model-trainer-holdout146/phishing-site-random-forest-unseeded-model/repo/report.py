import json
from pathlib import Path

import pandas as pd
from sklearn.inspection import permutation_importance
from sklearn.metrics import average_precision_score, classification_report, f1_score, roc_auc_score


def test_metrics(model, X_test, y_test) -> dict:
    proba = model.predict_proba(X_test)[:, 1]
    pred = model.predict(X_test)
    print(classification_report(y_test, pred, target_names=["legitimate", "phishing"], digits=4))
    return {
        "roc_auc": float(roc_auc_score(y_test, proba)),
        "pr_auc": float(average_precision_score(y_test, proba)),
        "f1": float(f1_score(y_test, pred)),
    }


def importances(model, X_test, y_test, seed: int, top: int = 20) -> pd.DataFrame:
    perm = permutation_importance(model, X_test, y_test, n_repeats=5, scoring="average_precision",
                                  random_state=seed, n_jobs=-1)
    return (
        pd.DataFrame({"feature": X_test.columns, "mdi": model.feature_importances_,
                      "perm_mean": perm.importances_mean, "perm_std": perm.importances_std})
        .sort_values("perm_mean", ascending=False)
        .head(top)
    )


def save(out_dir: str, metrics: dict, imp: pd.DataFrame, cv_scores) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps({**metrics, "cv_pr_auc": list(map(float, cv_scores))}, indent=2))
    imp.to_csv(out / "importances.csv", index=False)
