from sklearn.metrics import average_precision_score, roc_auc_score


def ranking_metrics(y_true, score) -> dict:
    return {"auc": roc_auc_score(y_true, score), "ap": average_precision_score(y_true, score)}
