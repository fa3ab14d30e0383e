from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score


def probability_metrics(y, p) -> dict:
    return {
        "roc_auc": float(roc_auc_score(y, p)),
        "pr_auc": float(average_precision_score(y, p)),
        "brier": float(brier_score_loss(y, p)),
    }
