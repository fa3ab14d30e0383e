import json

import click
import joblib
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from leadscore.features import TARGET
from leadscore.paths import FEATURES, MODELS, REPORTS


class Evaluator:
    def __init__(self, X: pd.DataFrame, y: pd.Series):
        self.X, self.y = X, y

    def score(self, model) -> dict:
        proba = model.predict_proba(self.X)[:, 1]
        return {
            "roc_auc": roc_auc_score(self.y, proba),
            "pr_auc": average_precision_score(self.y, proba),
            "f1@0.5": f1_score(self.y, proba >= 0.5),
        }


@click.command()
def main() -> None:
    table = pd.read_parquet(FEATURES)
    evaluator = Evaluator(table.drop(columns=[TARGET]), table[TARGET])
    report = {p.stem: evaluator.score(joblib.load(p)) for p in sorted(MODELS.glob("*.joblib"))}
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / "metrics.json").write_text(json.dumps(report, indent=2))
    click.echo(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
