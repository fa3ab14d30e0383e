from sklearn.metrics import precision_score, recall_score, roc_auc_score


def score(model, frame, y, cutoff: float = 0.35) -> dict:
    p = model.predict_proba(frame)[:, 1]
    flagged = (p >= cutoff).astype(int)
    return {
        "roc_auc": roc_auc_score(y, p),
        "precision@cutoff": precision_score(y, flagged),
        "recall@cutoff": recall_score(y, flagged),
        "leads_flagged": int(flagged.sum()),
    }
