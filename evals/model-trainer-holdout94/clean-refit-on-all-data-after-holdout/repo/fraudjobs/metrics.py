from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score


def score_probabilities(y_true, proba) -> dict:
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
        "brier": float(brier_score_loss(y_true, proba)),
    }
