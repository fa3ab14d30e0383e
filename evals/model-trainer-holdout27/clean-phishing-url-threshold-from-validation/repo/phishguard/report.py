from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score


def operating_point_report(y, p, threshold: float) -> dict:
    flagged = (p >= threshold).astype(int)
    return {
        "pr_auc": average_precision_score(y, p),
        "roc_auc": roc_auc_score(y, p),
        "precision": precision_score(y, flagged, zero_division=0),
        "recall": recall_score(y, flagged),
        "flag_rate": float(flagged.mean()),
        "threshold": threshold,
    }
