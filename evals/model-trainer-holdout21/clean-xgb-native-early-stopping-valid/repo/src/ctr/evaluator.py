from sklearn.metrics import average_precision_score, f1_score, log_loss, precision_score, recall_score, roc_auc_score


class Evaluator:
    """Scores a model once on a given split. Used only for the final test report."""

    def __init__(self, X, y):
        self.X, self.y = X, y

    def evaluate(self, proba, hard) -> dict:
        return {
            "roc_auc": roc_auc_score(self.y, proba),
            "pr_auc": average_precision_score(self.y, proba),
            "log_loss": log_loss(self.y, proba),
            "precision": precision_score(self.y, hard, zero_division=0),
            "recall": recall_score(self.y, hard),
            "f1": f1_score(self.y, hard),
        }
