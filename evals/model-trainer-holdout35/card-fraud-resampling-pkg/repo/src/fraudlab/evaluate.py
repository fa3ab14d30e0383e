import pandas as pd
from sklearn.model_selection import StratifiedKFold, cross_validate

SCORING = {
    "auroc": "roc_auc",
    "auprc": "average_precision",
    "neg_brier": "neg_brier_score",
}


def compare(models: dict, X, y, n_folds: int, seed: int) -> pd.DataFrame:
    folds = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    rows = []
    for name, model in models.items():
        res = cross_validate(model, X, y, cv=folds, scoring=SCORING, n_jobs=-1)
        rows.append({
            "model": name,
            "auroc": res["test_auroc"].mean(),
            "auprc": res["test_auprc"].mean(),
            "brier": -res["test_neg_brier"].mean(),
        })
    return pd.DataFrame(rows).sort_values("auprc", ascending=False)
