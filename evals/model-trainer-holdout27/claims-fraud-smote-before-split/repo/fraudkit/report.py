from sklearn.metrics import average_precision_score, classification_report, roc_auc_score


def summarize(name, model, X, y, log):
    proba = model.predict_proba(X)[:, 1]
    pred = model.predict(X)
    log.info("[%s] ROC-AUC %.4f | PR-AUC %.4f", name, roc_auc_score(y, proba), average_precision_score(y, proba))
    log.info("[%s]\n%s", name, classification_report(y, pred, digits=3))
    return {"roc_auc": roc_auc_score(y, proba), "pr_auc": average_precision_score(y, proba)}
