from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score


def evaluate(model, X, y, name="", log=None, proba_col=1, extra=None):
    """threshold-free metrics for a fitted binary classifier"""
    p = model.predict_proba(X)[:, proba_col]
    out = {
        "roc_auc": roc_auc_score(y, p),
        "average_precision": average_precision_score(y, p),
        "log_loss": log_loss(y, p),
        "brier": brier_score_loss(y, p),
        "n": int(len(y)),
        "prevalence": float(y.mean()),
    }
    if extra:
        out.update({k: f(y, p) for k, f in extra.items()})
    if log is not None:
        log.info("%-16s auc=%.4f ap=%.4f ll=%.4f", name, out["roc_auc"], out["average_precision"], out["log_loss"])
    return out
