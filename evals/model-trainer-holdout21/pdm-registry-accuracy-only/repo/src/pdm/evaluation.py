import logging

from sklearn.metrics import accuracy_score

log = logging.getLogger(__name__)


class Evaluator:
    def __init__(self, X, y, split_name: str):
        self.X, self.y, self.split_name = X, y, split_name

    def __call__(self, name: str, model) -> dict:
        acc = accuracy_score(self.y, model.predict(self.X))
        log.info("[%s] %-7s accuracy=%.4f", self.split_name, name, acc)
        return {"model": name, "split": self.split_name, "accuracy": acc}
