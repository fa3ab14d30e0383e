from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score


def summarize(y_true, proba) -> dict:
    return {
        "roc_auc": round(roc_auc_score(y_true, proba), 5),
        "pr_auc": round(average_precision_score(y_true, proba), 5),
        "logloss": round(log_loss(y_true, proba), 5),
        "brier": round(brier_score_loss(y_true, proba), 5),
    }
